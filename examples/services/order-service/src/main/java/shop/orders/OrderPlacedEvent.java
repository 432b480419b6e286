package shop.orders;

/** Published when an order changes state; its status mirrors the database's order_status. */
public record OrderPlacedEvent(long orderId, OrderState state) {

    public enum OrderState {
        pending,
        paid,
        shipped,
        delivered,
        cancelled,
        refunded
    }
}
