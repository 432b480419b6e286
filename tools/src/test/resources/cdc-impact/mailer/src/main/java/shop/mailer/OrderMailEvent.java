package shop.mailer;

public record OrderMailEvent(Long id, String email) {
}
