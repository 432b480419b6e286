package shop.orders;

public enum OrderStatus {
    NEW, PAID, SHIPPED
}
