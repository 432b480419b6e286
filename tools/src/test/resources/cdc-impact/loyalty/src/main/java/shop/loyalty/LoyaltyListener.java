package shop.loyalty;

import org.springframework.kafka.annotation.KafkaListener;

public class LoyaltyListener {

    @KafkaListener(topics = "order-events")
    public void onOrder(String json) {
    }

    @KafkaListener(topics = "order-notes")
    public void onNote(String text) {
    }

    @KafkaListener(topics = "outbox.event.Order")
    public void onOrderEvent(String json) {
    }
}
