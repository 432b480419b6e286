package shop.customers;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByEmailAddressIgnoreCase(String email);

    List<Customer> findByCountryOrderByFullName(String country);

    @Query("SELECT c FROM Customer c WHERE c.emailAddress LIKE :domain AND c.marketingOptIn = true")
    List<Customer> marketingAudience(String domain);

    @Query(value = "SELECT id, full_name FROM shop.customers WHERE country = :country", nativeQuery = true)
    List<Object[]> namesIn(String country);

    long deleteByCountry(String country);
}
