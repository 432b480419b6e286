package shop.shipping;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

public class ShipmentListener {

    @KafkaListener(topics = "shop.shop.orders", groupId = "shipping")
    public void onOrder(ConsumerRecord<String, OrderChanged> record) {
        if ("PAID".equals(record.value().status())) {
            ship(record.value().id());
        }
    }

    private void ship(Long id) {
    }
}
