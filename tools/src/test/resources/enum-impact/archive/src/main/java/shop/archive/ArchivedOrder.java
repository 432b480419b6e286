package shop.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read by position: JPA's default when @Enumerated names no type. */
@Entity
@Table(name = "orders", schema = "shop")
public class ArchivedOrder {

    @Id
    private Long id;

    @Enumerated
    private Stage status; // violation: breaks "Stage (Stage.java:3) has no constant ON_HOLD"
}
