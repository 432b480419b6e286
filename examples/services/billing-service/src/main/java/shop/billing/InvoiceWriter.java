package shop.billing;

import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

public class InvoiceWriter {

    private final NamedParameterJdbcTemplate jdbc;

    public InvoiceWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void issue(long orderId, long amountCents) {
        jdbc.update("INSERT INTO billing.invoices (order_id, amount) VALUES (:order, :amount)",
                Map.of("order", orderId, "amount", amountCents / 100.0));
    }
}
