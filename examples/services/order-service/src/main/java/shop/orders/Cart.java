package shop.orders;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(schema = "shop", name = "carts")
public class Cart {

    @Id
    private UUID id;

    private Long customerId;

    private Instant createdAt;

    /** Quantity per product id, kept in shop.cart_items. */
    @ElementCollection
    @CollectionTable(schema = "shop", name = "cart_items", joinColumns = @JoinColumn(name = "cart_id"))
    @MapKeyColumn(name = "product_id")
    @Column(name = "quantity")
    private Map<Long, Integer> quantities;
}
