package shop.billing;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "invoices", schema = "shop")
public class Invoice {

    @Id
    private Long id;

    @Convert(converter = InvoiceStateConverter.class)
    private InvoiceState state; // violation: changes "reads 'ON_HOLD' as its fallback value"

}
