package shop.customers;

import jakarta.persistence.Embeddable;

@Embeddable
public class PostalAddress {

    private String line1;

    private String line2;

    private String city;

    private String postalCode;

    private String country;
}
