package shop.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(schema = "shop", name = "products")
public class Product extends Audited {

    @Id
    private Long id;

    private String sku;

    private String name;

    private long priceCents;
}
