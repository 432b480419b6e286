package shop.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

/** A read model: a product with its stock, which lives in shop.inventory. */
@Entity
@Table(schema = "shop", name = "products")
@SecondaryTable(schema = "shop", name = "inventory", pkJoinColumns = @PrimaryKeyJoinColumn(name = "product_id"))
public class ProductStock {

    @Id
    private Long id;

    private String sku;

    @Column(table = "inventory", name = "on_hand")
    private int onHand;

    @Column(table = "inventory")
    private int reserved;
}
