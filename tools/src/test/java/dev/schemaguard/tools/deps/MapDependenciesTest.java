package dev.schemaguard.tools.deps;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database side of map_dependencies against the demo shop's schema, on a real PostgreSQL. */
@Tag("database")
class MapDependenciesTest {

    static MapDependencies deps;

    @BeforeAll
    static void demo() {
        TestDatabase db = TestPostgres.createDatabase("deps");
        db.execute(DemoDatabase.schemaSql());
        deps = new MapDependencies(db.environments("shop"));
    }

    static List<String> of(DependencyReport r, String kind) {
        return r.database().stream()
                .filter(d -> d.kind().equals(kind))
                .map(DatabaseDependency::object)
                .toList();
    }

    @Test
    void droppingCustomersEmailBreaksTheViewThatSelectsItAndItsUniqueConstraint() {
        DependencyReport r = deps.map("shop", "shop.customers.email", null);
        assertThat(of(r, "view")).containsExactly("shop.order_summaries");
        assertThat(of(r, "constraint")).containsExactly("customers_email_key");
        assertThat(of(r, "foreign-key"))
                .as("no foreign key uses the email column")
                .isEmpty();
        assertThat(of(r, "trigger"))
                .as("an UPDATE trigger on any column fires for it too")
                .contains("customers_touch_updated_at");
        assertThat(r.blindSpots()).anySatisfy(b -> assertThat(b).contains("application code"));
        assertThat(r.mermaid()).startsWith("graph LR").contains("view: shop.order_summaries");
    }

    @Test
    void customersIsReferencedByForeignKeysWithTheirActionsAndTheChainIsFollowed() {
        DependencyReport r = deps.map("shop", "shop.customers", 2);
        assertThat(r.database())
                .filteredOn(d -> d.kind().equals("foreign-key") && d.depth() == 1)
                .extracting(DatabaseDependency::object)
                .containsExactlyInAnyOrder(
                        "shop.addresses", "shop.orders", "shop.carts", "shop.reviews", "billing.payment_methods");
        assertThat(r.database()).anySatisfy(d -> {
            assertThat(d.object()).isEqualTo("shop.orders");
            assertThat(d.detail()).contains("(customer_id)").contains("ON DELETE RESTRICT");
        });
        assertThat(r.database()).anySatisfy(d -> {
            assertThat(d.object()).isEqualTo("shop.order_lines");
            assertThat(d.depth()).isEqualTo(2);
            assertThat(d.via()).isEqualTo("shop.orders");
        });
        assertThat(r.database()).noneMatch(d -> d.depth() > 2);
        assertThat(of(r, "view")).contains("shop.order_summaries");
        assertThat(of(r, "sequence")).as("the identity column's sequence").hasSize(1);
    }

    @Test
    void functionsWhoseBodiesNameTheTableAreLikelyDependents() {
        DependencyReport r = deps.map("shop", "shop.orders", 1);
        assertThat(r.database())
                .filteredOn(d -> d.confidence().equals("likely"))
                .extracting(DatabaseDependency::object)
                .contains("shop.customer_lifetime_value(bigint)", "billing.issue_invoice(bigint,integer)");
        assertThat(of(r, "trigger")).contains("orders_audit", "orders_touch_updated_at");
    }

    @Test
    void partitionsAndASelfReferenceAreHandled() {
        assertThat(of(deps.map("shop", "shop.order_events", 1), "partition"))
                .hasSize(4)
                .contains("shop.order_events_default");
        DependencyReport categories = deps.map("shop", "shop.categories", 5);
        assertThat(categories.database())
                .filteredOn(
                        d -> d.object().equals("shop.categories") && d.kind().equals("foreign-key"))
                .hasSize(1);
    }

    @Test
    void withCodeRootsTheAnswerNamesTheCodeToo() {
        List<java.nio.file.Path> roots = List.of(java.nio.file.Path.of("..", "examples", "services"));
        DependencyReport both = deps.map("shop", "shop.customers.email", null, roots);
        assertThat(of(both, "view")).containsExactly("shop.order_summaries");
        assertThat(both.code())
                .extracting(c -> c.service())
                .contains("customer-service", "order-service", "billing-service", "notifications");
        assertThat(both.toText()).contains("service customer-service:").contains("Customer.java:17");
        assertThat(both.mermaid()).contains("service customer-service");
        DependencyReport codeOnly = deps.map(null, "shop.customers.email", null, roots);
        assertThat(codeOnly.database()).isEmpty();
        assertThat(codeOnly.code()).hasSize(both.code().size());
        assertThat(codeOnly.blindSpots().get(0)).contains("no environment was given");
        assertThatThrownBy(() -> deps.map(null, "shop.customers", null, List.of()))
                .hasMessageContaining("Give an environment");
    }

    @Test
    void badTargetsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> deps.map("shop", "customers", null))
                .hasMessageContaining("schema.table or schema.table.column");
        assertThatThrownBy(() -> deps.map("shop", "shop.customer", null))
                .hasMessageContaining("No table or view shop.customer");
        assertThatThrownBy(() -> deps.map("shop", "shop.customers.mail", null))
                .hasMessageContaining("No column mail in shop.customers");
        assertThatThrownBy(() -> deps.map("shop", "shop.customers", 0))
                .hasMessageContaining("depth must be between 1 and 10");
    }
}
