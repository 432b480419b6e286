package shop.mailer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

@Configuration
public class MailerFunctions {

    @Bean
    public Consumer<OrderMailEvent> mailOrder() {
        return event -> System.out.println("mail " + event.email());
    }
}
