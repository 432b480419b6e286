package shop.orders;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@Transactional
public class OrderService {

    private final OrderRepository orders;
    private final JdbcTemplate jdbc;

    public OrderService(OrderRepository orders, JdbcTemplate jdbc) {
        this.orders = orders;
        this.jdbc = jdbc;
    }

    public void place(Order order) {
        orders.save(order);
        jdbc.update("INSERT INTO outbox_events (aggregatetype, aggregateid, type, payload) VALUES ('Order', ?, 'placed', ?::jsonb)",
                order.toString(), "{}");
    }
}
