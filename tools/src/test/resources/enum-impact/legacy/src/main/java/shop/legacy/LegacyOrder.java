package shop.legacy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Traps: a status read as plain text, and switches over values of something else. */
@Entity
@Table(name = "orders", schema = "shop")
public class LegacyOrder {

    @Id
    private Long id;

    private String status;

    enum Color { RED, GREEN }

    int paint(Color c) {
        switch (c) {
            case RED:
                return 1;
            case GREEN:
                return 2;
            default:
                throw new IllegalStateException();
        }
    }

    int size(String s) {
        switch (s) {
            case "S":
                return 1;
            case "M":
                return 2;
            default:
                throw new IllegalArgumentException(s);
        }
    }

    int half(String s) {
        switch (s) {
            case "NEW":
                return 1;
            case "LARGE":
                return 2;
            default:
                throw new IllegalArgumentException(s);
        }
    }
}
