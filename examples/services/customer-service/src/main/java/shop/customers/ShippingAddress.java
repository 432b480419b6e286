package shop.customers;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("shipping")
public class ShippingAddress extends Address {
}
