package shop.tolerant;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

public enum SeenStatus {
    NEW, PAID, SHIPPED,
    @JsonEnumDefaultValue
    UNKNOWN
}
