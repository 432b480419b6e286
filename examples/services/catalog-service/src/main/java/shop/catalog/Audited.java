package shop.catalog;

import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

@MappedSuperclass
public abstract class Audited {

    private Instant createdAt;

    private Instant updatedAt;
}
