package shop.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "orders", schema = "shop")
public class Order {

    @Id
    private Long id;

    private String status;
}
