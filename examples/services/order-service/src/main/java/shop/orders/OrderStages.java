package shop.orders;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The stage a customer sees for each order, decoded from the order_status enum's labels. */
public class OrderStages {

    private final JdbcTemplate jdbc;

    public OrderStages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Integer> stages(long customerId) {
        return jdbc.query(
                "SELECT status FROM shop.orders WHERE customer_id = ?",
                (rs, row) -> {
                    switch (rs.getString("status")) {
                        case "pending":
                            return 0;
                        case "paid":
                            return 1;
                        case "shipped":
                            return 2;
                        case "delivered":
                        case "cancelled":
                        case "refunded":
                            return 3;
                        default:
                            throw new IllegalStateException("unknown order status " + rs.getString("status"));
                    }
                },
                customerId);
    }
}
