package shop.orders;

import org.springframework.kafka.core.KafkaTemplate;

public class OrderPublisher {

    private final KafkaTemplate<String, Object> kafka;

    public OrderPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    public void placed(Order order) {
        kafka.send("order-events", order);
    }

    public void note(Order order) {
        String summary = "order placed";
        kafka.send("order-notes", summary);
    }
}
