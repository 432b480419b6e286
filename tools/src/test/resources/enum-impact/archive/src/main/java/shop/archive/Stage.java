package shop.archive;

public enum Stage {
    NEW,
    PAID,
    SHIPPED
}
