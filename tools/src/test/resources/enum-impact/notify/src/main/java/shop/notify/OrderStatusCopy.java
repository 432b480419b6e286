package shop.notify;

/** This service's own copy of the database type's values: a mirror, whatever its name. */
public enum OrderStatusCopy {
    NEW, PAID, SHIPPED
}
