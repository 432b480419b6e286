package shop.notify;

public record OrderNotice(Long id, OrderStatusCopy status) { // violation: breaks "deserializing a message that holds 'ON_HOLD' fails"
}
