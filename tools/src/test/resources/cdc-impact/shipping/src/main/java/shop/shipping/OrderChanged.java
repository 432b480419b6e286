package shop.shipping;

public record OrderChanged(Long id, String status, Long totalCents) {
}
