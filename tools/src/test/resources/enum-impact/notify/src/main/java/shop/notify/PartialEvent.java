package shop.notify;

public record PartialEvent(Long id, Partial state) {
}
