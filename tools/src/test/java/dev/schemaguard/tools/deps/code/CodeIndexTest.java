package dev.schemaguard.tools.deps.code;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code side of map_dependencies over examples/services: every site that reads or writes the target, with service,
 * file, line, kind and confidence — the exact list, so a site found wrongly or missed fails the test.
 */
class CodeIndexTest {

    static CodeIndex index;

    @BeforeAll
    static void scan() {
        index = CodeIndex.scan(List.of(Path.of("..", "examples", "services")), CodeIndexCache.none());
    }

    static List<String> sites(String target) {
        return index.sitesFor(DependencyTarget.parse(target)).stream()
                .map(s -> s.service() + " " + Path.of(s.file()).getFileName() + ":" + s.line() + " " + s.kind() + " "
                        + s.access() + " " + s.confidence())
                .toList();
    }

    @Test
    void aScanReportsItsProgressFromNoneToAllFiles() {
        List<int[]> heard = new java.util.ArrayList<>();
        List<String> messages = new java.util.ArrayList<>();
        CodeIndex scanned = CodeIndex.scan(
                List.of(Path.of("..", "examples", "services")),
                CodeIndexCache.none(),
                java.util.Map.of(),
                (done, total, message) -> {
                    heard.add(new int[] {done, total});
                    messages.add(message);
                });
        int files = scanned.files();
        assertThat(files).isGreaterThan(10);
        assertThat(heard.get(0)).containsExactly(0, files);
        assertThat(heard.get(heard.size() - 1)).containsExactly(files, files);
        assertThat(heard).extracting(h -> h[0]).isSorted();
        assertThat(heard.size()).as("every twentieth, not every file").isBetween(3, 22);
        assertThat(messages.get(messages.size() - 1))
                .contains("indexed " + files + " code files")
                .contains("parsed");
    }

    @Test
    void servicesAreSplitByTheirBuildFiles() {
        assertThat(index.services())
                .containsExactlyInAnyOrder(
                        "billing-service", "catalog-service", "customer-service", "notifications", "order-service");
    }

    @Test
    void whoBreaksIfCustomersEmailIsDropped() {
        assertThat(sites("shop.customers.email"))
                .containsExactly(
                        "billing-service InvoiceMapper.xml:5 mybatis-sql read medium",
                        "customer-service Customer.java:17 entity-mapping read/write high",
                        "customer-service CustomerRepository.java:10 derived-query read high",
                        "customer-service CustomerRepository.java:14 jpql-query read high",
                        "notifications newsletter.ts:7 sql-string read low",
                        "order-service OrderQueries.java:22 jdbc-sql read medium");
    }

    @Test
    void everySiteOfATable() {
        assertThat(sites("shop.customers"))
                .containsExactly(
                        "billing-service CustomerMapper.java:9 mybatis-sql read high",
                        "billing-service InvoiceMapper.xml:5 mybatis-sql read medium",
                        "customer-service Customer.java:9 entity-mapping read/write high",
                        "customer-service CustomerRepository.java:10 derived-query read high",
                        "customer-service CustomerRepository.java:12 derived-query read high",
                        "customer-service CustomerRepository.java:14 jpql-query read high",
                        "customer-service CustomerRepository.java:17 native-query read high",
                        "customer-service CustomerRepository.java:20 derived-query write high",
                        "notifications newsletter.ts:7 sql-string read low",
                        "order-service OrderQueries.java:22 jdbc-sql read medium");
        assertThat(sites("shop.orders"))
                .contains(
                        "order-service Order.java:7 entity-mapping read/write high",
                        "order-service OrderQueries.java:26 jdbc-sql write medium");
        assertThat(sites("billing.invoices"))
                .containsExactlyInAnyOrder(
                        "billing-service InvoiceMapper.xml:12 mybatis-sql write medium",
                        "billing-service InvoiceWriter.java:15 jdbc-sql write medium");
    }

    @Test
    void defaultNamingAndMappedSuperclassesGiveTheColumns() {
        assertThat(sites("shop.orders.customer_id"))
                .contains("order-service Order.java:14 entity-mapping read/write high");
        assertThat(sites("shop.products.created_at"))
                .containsExactly("catalog-service Product.java:7 entity-mapping read/write high");
        assertThat(sites("shop.customers.display_label"))
                .as("@Transient fields are not columns")
                .isEmpty();
        assertThat(sites("shop.customers.country"))
                .contains(
                        "billing-service CustomerMapper.java:9 mybatis-sql read high",
                        "customer-service CustomerRepository.java:12 derived-query read high",
                        "customer-service CustomerRepository.java:17 native-query read high",
                        "customer-service CustomerRepository.java:20 derived-query write high");
    }

    @Test
    void inheritanceEmbeddablesCollectionAndSecondaryTables() {
        assertThat(sites("shop.addresses"))
                .as("a single-table subclass maps its root's table")
                .containsExactly(
                        "customer-service Address.java:14 entity-mapping read/write high",
                        "customer-service ShippingAddress.java:6 entity-mapping read/write high");
        assertThat(sites("shop.addresses.kind"))
                .as("@DiscriminatorColumn")
                .containsExactly("customer-service Address.java:14 entity-mapping read/write high");
        assertThat(sites("shop.addresses.postal_code"))
                .as("a column of an @Embedded @Embeddable")
                .containsExactly("customer-service Address.java:28 entity-mapping read/write high");
        assertThat(sites("shop.addresses.customer_id"))
                .containsExactly("customer-service Address.java:25 entity-mapping read/write high");
        assertThat(sites("shop.cart_items"))
                .as("@ElementCollection in a @CollectionTable")
                .containsExactly("order-service Cart.java:31 entity-mapping read/write high");
        for (String column : List.of("cart_id", "product_id", "quantity")) {
            assertThat(sites("shop.cart_items." + column))
                    .as(column)
                    .containsExactly("order-service Cart.java:31 entity-mapping read/write high");
        }
        assertThat(sites("shop.inventory"))
                .as("@SecondaryTable")
                .containsExactly("catalog-service ProductStock.java:11 entity-mapping read/write high");
        assertThat(sites("shop.inventory.on_hand"))
                .containsExactly("catalog-service ProductStock.java:22 entity-mapping read/write high");
        assertThat(sites("shop.inventory.reserved"))
                .containsExactly("catalog-service ProductStock.java:25 entity-mapping read/write high");
        assertThat(sites("shop.products.on_hand"))
                .as("a secondary-table column is not in the primary table")
                .isEmpty();
    }

    @Test
    void servicesCanBeListedWhereNoBuildFileSplitsThem(@TempDir Path monorepo) throws IOException {
        for (String dir : List.of("apps/billing/src", "apps/billing/jobs/src", "apps/shipping/src")) {
            Files.createDirectories(monorepo.resolve(dir));
        }
        Files.writeString(
                monorepo.resolve("apps/billing/src/invoices.py"),
                "Q = \"SELECT id FROM billing.invoices WHERE paid\"\n");
        Files.writeString(
                monorepo.resolve("apps/billing/jobs/src/reminders.py"),
                "Q = \"UPDATE billing.invoices SET reminded = true\"\n");
        Files.writeString(
                monorepo.resolve("apps/shipping/src/parcels.go"),
                "const q = `SELECT id FROM shop.orders WHERE shipped`\n");
        CodeIndex index = CodeIndex.scan(
                List.of(monorepo),
                CodeIndexCache.none(),
                java.util.Map.of(
                        "billing",
                        monorepo.resolve("apps/billing"),
                        "billing-jobs",
                        monorepo.resolve("apps/billing/jobs"),
                        "shipping",
                        monorepo.resolve("apps/shipping")));
        assertThat(index.services()).containsExactlyInAnyOrder("billing", "billing-jobs", "shipping");
        assertThat(index.sitesFor(DependencyTarget.parse("billing.invoices")))
                .extracting(CodeSite::service)
                .as("the deepest listed directory wins")
                .containsExactly("billing", "billing-jobs");
    }

    @Test
    void severalRootsAreSeveralRepositories(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("go.mod"), "module reports\n");
        Files.writeString(
                other.resolve("report.go"), "package main\nconst q = `SELECT count(*) FROM shop.customers`\n");
        CodeIndex two = CodeIndex.scan(List.of(Path.of("..", "examples", "services"), other), CodeIndexCache.none());
        assertThat(two.services()).contains(other.getFileName().toString(), "customer-service");
        assertThat(two.sitesFor(DependencyTarget.parse("shop.customers")))
                .anySatisfy(s -> assertThat(s.file()).endsWith("report.go"));
    }
}
