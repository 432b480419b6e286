package shop.orders;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

public class OrderQueries {

    private static final String RECEIPT_RECIPIENTS = """
            SELECT o.id, c.email, c.full_name
              FROM shop.orders o
              JOIN shop.customers c ON c.id = o.customer_id
             WHERE o.status = 'paid'""";

    private final JdbcTemplate jdbc;

    public OrderQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> receiptRecipients() {
        return jdbc.queryForList(RECEIPT_RECIPIENTS);
    }

    public int cancel(long orderId) {
        return jdbc.update("UPDATE shop.orders SET status = 'cancelled' " + "WHERE id = ?", orderId);
    }

    public int archive() {
        String sql = "DELETE FROM shop.orders WHERE status = 'archived'";
        return jdbc.update(sql);
    }

    /** SQL assembled by a StringBuilder at run time: not read by schemaguard (one of the blind spots it states). */
    public List<Map<String, Object>> search(Map<String, Object> filters) {
        StringBuilder sql = new StringBuilder("SELECT id, placed_at FROM shop.orders WHERE true");
        filters.keySet().forEach(column -> sql.append(" AND ").append(column).append(" = ?"));
        return jdbc.queryForList(sql.toString(), filters.values().toArray());
    }
}
