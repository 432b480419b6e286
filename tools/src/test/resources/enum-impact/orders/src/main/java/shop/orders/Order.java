package shop.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "orders", schema = "shop")
public class Order {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    private OrderStatus status; // violation: breaks "OrderStatus (OrderStatus.java:3) has no constant ON_HOLD"

    public OrderStatus getStatus() {
        return status;
    }
}
