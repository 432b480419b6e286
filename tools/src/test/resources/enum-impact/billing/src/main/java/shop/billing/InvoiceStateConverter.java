package shop.billing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;

@Converter
public class InvoiceStateConverter implements AttributeConverter<InvoiceState, String> {

    @Override
    public String convertToDatabaseColumn(InvoiceState state) {
        return state.name();
    }

    @Override
    public InvoiceState convertToEntityAttribute(String value) {
        return Arrays.stream(InvoiceState.values()).filter(s -> s.name().equals(value)).findFirst().orElse(InvoiceState.UNKNOWN);
    }
}
