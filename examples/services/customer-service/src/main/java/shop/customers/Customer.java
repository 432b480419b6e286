package shop.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

@Entity
@Table(schema = "shop", name = "customers")
public class Customer {

    @Id
    private Long id;

    @Column(name = "email", nullable = false)
    private String emailAddress;

    private String fullName;

    private String country;

    private boolean marketingOptIn;

    @Transient
    private String displayLabel;
}
