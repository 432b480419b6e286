package shop.payments;

import org.springframework.kafka.annotation.KafkaListener;

public class PaymentListener {

    @KafkaListener(topics = "payments")
    public void onPayment(String json) {
    }
}
