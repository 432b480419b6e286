package shop.audit;

import org.springframework.kafka.annotation.KafkaListener;

public class AuditListener {

    @KafkaListener(topicPattern = "shop\\.shop\\..*", groupId = "audit")
    public void onAnyChange(String json) {
        System.out.println(json);
    }
}
