package dev.schemaguard.tools.deps;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** impact_of_migration against the demo schema and the example services. */
@Tag("database")
class ImpactOfMigrationTest {

    static ImpactOfMigration impact;
    static TestDatabase db;
    static final List<Path> SERVICES = List.of(Path.of("..", "examples", "services"));

    @BeforeAll
    static void demo() {
        db = TestPostgres.createDatabase("impact");
        db.execute(DemoDatabase.schemaSql());
        impact = new ImpactOfMigration(new MapDependencies(db.environments("shop")));
    }

    @Test
    void theChangesOfAMigrationAreFoundStatementByStatement() {
        List<SchemaChange> changes = SchemaChanges.of("""
                DROP TABLE IF EXISTS shop.carts, shop.cart_items;
                ALTER TABLE shop.orders RENAME TO purchases;
                ALTER TABLE ONLY shop.orders ALTER COLUMN total_cents SET DATA TYPE numeric(14,2), DROP COLUMN placed_at;
                ALTER TABLE shop.orders ALTER status SET NOT NULL, ALTER COLUMN status DROP DEFAULT;
                ALTER TABLE shop.orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES shop.customers (id) ON DELETE CASCADE;
                ALTER TABLE shop.orders DROP CONSTRAINT orders_pkey;
                CREATE TABLE shop.things (id int);""");
        assertThat(changes)
                .extracting(c -> c.change() + " " + c.target())
                .containsExactly(
                        "dropped-table shop.carts",
                        "dropped-table shop.cart_items",
                        "renamed-table shop.orders",
                        "type-change shop.orders.total_cents",
                        "dropped-column shop.orders.placed_at",
                        "not-null shop.orders.status",
                        "fk-action shop.orders");
        assertThat(changes.get(2).detail()).contains("renamed to purchases");
        assertThat(changes.get(4).line()).isEqualTo(3);
    }

    /** The incident the product is pitched on: an enum value added broke the services that decode the column. */
    @Test
    void aValueAddedToAnEnumReachesEveryColumnOfTheTypeAndTheCodeThatReadsThem() {
        ImpactOfMigration.ImpactReport r =
                impact.impact("shop", "ALTER TYPE shop.order_status ADD VALUE 'on_hold' BEFORE 'paid';", SERVICES);
        assertThat(r.statements())
                .extracting(s -> s.change().change() + " " + s.change().target())
                .contains("enum-value-added shop.orders.status");
        ImpactOfMigration.StatementImpact status = r.statements().stream()
                .filter(s -> s.change().target().equals("shop.orders.status"))
                .findFirst()
                .orElseThrow();
        assertThat(status.change().detail()).contains("'on_hold'").contains("shifts the position");
        assertThat(status.database()).extracting(DatabaseDependency::object).contains("shop.orders_open_idx");
        assertThat(status.code())
                .extracting(c -> java.nio.file.Path.of(c.file()).getFileName().toString())
                .contains("Order.java", "OrderQueries.java");
        ImpactOfMigration.ImpactReport renamed =
                impact.impact("shop", "ALTER TYPE shop.order_status RENAME VALUE 'paid' TO 'settled';", List.of());
        assertThat(renamed.statements()).anySatisfy(s -> {
            assertThat(s.change().change()).isEqualTo(ChangeKind.ENUM_VALUE_RENAMED);
            assertThat(s.change().severity()).isEqualTo("breaks");
            assertThat(s.change().target()).isEqualTo("shop.orders.status");
        });
        TestDatabase typed = TestPostgres.createDatabase("impact_types");
        typed.execute("""
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                CREATE TYPE reading AS (score int, feeling mood);
                CREATE TABLE diary (id int PRIMARY KEY, entry reading, history mood[]);
                CREATE FUNCTION cheer(m mood) RETURNS mood LANGUAGE sql AS $$ SELECT 'ok'::mood $$;""");
        ImpactOfMigration.ImpactReport reach = new ImpactOfMigration(new MapDependencies(typed.environments("typed")))
                .impact("typed", "ALTER TYPE mood ADD VALUE 'happy';", List.of());
        assertThat(reach.statements())
                .extracting(s -> s.change().target())
                .as("inside a composite, as an array, and the functions that name it")
                .contains("public.diary.entry", "public.diary.history", "public.mood");
        assertThat(reach.statements())
                .filteredOn(s -> s.change().target().equals("public.mood"))
                .singleElement()
                .satisfies(s -> assertThat(s.database())
                        .extracting(DatabaseDependency::object)
                        .contains("cheer(mood)"));
        ImpactOfMigration.ImpactReport offline = new ImpactOfMigration(
                        new MapDependencies(new dev.schemaguard.tools.env.JdbcEnvironments(List.of())))
                .impact(null, "ALTER TYPE shop.order_status ADD VALUE 'on_hold';", List.of());
        assertThat(offline.statements())
                .singleElement()
                .satisfies(s -> assertThat(s.change().target()).isEqualTo("shop.order_status"));
    }

    @Test
    void droppingAndRenamingColumnsNamesTheObjectsAndTheCodeThatBreakAndTheOrderToDeploy() {
        ImpactOfMigration.ImpactReport r = impact.impact("shop", """
                ALTER TABLE shop.customers DROP COLUMN email;
                ALTER TABLE shop.orders RENAME COLUMN status TO state;
                ALTER TABLE shop.customers ALTER COLUMN country SET NOT NULL;""", SERVICES);
        assertThat(r.statements())
                .extracting(s -> s.change().change().label())
                .containsExactly("dropped-column", "renamed-column", "not-null");
        ImpactOfMigration.StatementImpact email = r.statements().get(0);
        assertThat(email.database())
                .extracting(DatabaseDependency::object)
                .contains("shop.order_summaries", "customers_email_key");
        assertThat(email.code())
                .extracting(c -> c.service())
                .contains("customer-service", "order-service", "billing-service", "notifications");
        ImpactOfMigration.StatementImpact status = r.statements().get(1);
        assertThat(status.database())
                .extracting(DatabaseDependency::object)
                .contains("shop.order_summaries", "shop.orders_open_idx");
        assertThat(status.code())
                .extracting(c -> java.nio.file.Path.of(c.file()).getFileName().toString())
                .contains("Order.java", "OrderQueries.java");
        assertThat(r.services().get(0).service()).as("most affected first").isIn("customer-service", "order-service");
        assertThat(r.services())
                .extracting(ImpactOfMigration.ServiceImpact::service)
                .doesNotContain("catalog-service");
        assertThat(r.deployOrder()).hasSize(4);
        assertThat(r.deployOrder().get(0)).startsWith("Expand").contains("for a rename");
        assertThat(r.deployOrder().get(1))
                .contains("customer-service")
                .contains("order-service")
                .contains("shop.customers.email");
        assertThat(r.deployOrder().get(3)).startsWith("Contract");
        assertThat(r.toText())
                .contains("BREAKS  line 1: dropped-column shop.customers.email")
                .contains("CHANGES  line 3: not-null");
    }

    @Test
    void aMigrationThatOnlyAddsHasNoImpactAndNoDeployOrder() {
        ImpactOfMigration.ImpactReport r = impact.impact(
                "shop", "CREATE TABLE shop.things (id int); ALTER TABLE shop.orders ADD COLUMN note text;", SERVICES);
        assertThat(r.statements()).isEmpty();
        assertThat(r.deployOrder()).isEmpty();
    }

    /**
     * A domain's rule tightened: the writers of its columns first, then the rows that break it — found by SQL the
     * order gives, which PostgreSQL agrees with: the statement fails while that SQL counts a row, and runs once it
     * counts none.
     */
    @Test
    void aDomainCheckAddedGoesWritersFirstThenTheRowsThatBreakItThenTheStatement() throws Exception {
        String sql = "ALTER DOMAIN shop.email_address ADD CONSTRAINT email_lower CHECK (VALUE = lower(VALUE));";
        ImpactOfMigration.ImpactReport r = impact.impact("shop", sql, SERVICES);
        assertThat(r.statements())
                .filteredOn(s -> s.change().target().equals("shop.customers.email"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.change().severity()).isEqualTo("breaks");
                    assertThat(s.change().detail()).contains("CHECK (VALUE = lower(VALUE)) added");
                });
        List<String> order = r.deployOrder();
        assertThat(order.get(0))
                .startsWith("Expand customer-service: make it write only values the domain will accept")
                .contains("Customer.java:17");
        assertThat(order).noneMatch(step -> step.contains("notifications")).as("a reader only: nothing to change");
        String migrate = order.stream()
                .filter(step -> step.startsWith("Migrate:"))
                .findFirst()
                .orElseThrow();
        String count = migrate.substring(migrate.indexOf("SELECT count(*) FROM shop.customers"));
        count = count.substring(0, count.indexOf(';'));
        assertThat(count).isEqualTo("SELECT count(*) FROM shop.customers WHERE NOT (email = lower(email))");
        assertThat(order.get(order.size() - 1)).startsWith("Then run: " + sql.substring(0, sql.length() - 1));

        db.execute("INSERT INTO shop.customers (email, full_name) VALUES ('Ana@example.org', 'Ana')");
        try (java.sql.Connection c = db.connect();
                java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery(count)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute(sql))
                    .hasMessageContaining("contains values that violate the new constraint");
            st.execute("UPDATE shop.customers SET email = lower(email) WHERE NOT (email = lower(email))");
            try (java.sql.ResultSet rs = st.executeQuery(count)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            st.execute(sql);
            st.execute("ALTER DOMAIN shop.email_address DROP CONSTRAINT email_lower");
            st.execute("DELETE FROM shop.customers");
        }
    }

    @Test
    void aDomainRuleLoosenedGoesReadersFirstAndOnlyThen() {
        ImpactOfMigration.ImpactReport r =
                impact.impact("shop", "ALTER DOMAIN billing.money_amount DROP NOT NULL;", SERVICES);
        assertThat(r.statements())
                .filteredOn(s -> s.change().change() == ChangeKind.DOMAIN_CHANGED)
                .allSatisfy(s -> assertThat(s.change().severity()).isEqualTo("changes"));
        List<String> order = r.deployOrder();
        assertThat(order).isNotEmpty();
        assertThat(order.get(0)).contains("expecting what the domain no longer refuses (NULL)");
        assertThat(order).noneMatch(step -> step.startsWith("Migrate:")).as("no row breaks a rule dropped");
        assertThat(order.get(order.size() - 1)).isEqualTo("Then run: ALTER DOMAIN billing.money_amount DROP NOT NULL;");
    }
}
