package shop.notify;

/** A trap: two of the type's three values, so not a copy of it. */
public enum Partial {
    NEW, PAID
}
