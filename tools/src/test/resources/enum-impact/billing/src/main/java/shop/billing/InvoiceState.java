package shop.billing;

public enum InvoiceState {
    NEW, PAID, SHIPPED, UNKNOWN
}
