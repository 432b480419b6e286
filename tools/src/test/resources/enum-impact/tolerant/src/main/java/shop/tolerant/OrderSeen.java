package shop.tolerant;

public record OrderSeen(Long id, SeenStatus status) { // violation: changes "READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE: as UNKNOWN"
}
