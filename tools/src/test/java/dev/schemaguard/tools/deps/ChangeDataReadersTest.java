package dev.schemaguard.tools.deps;

import dev.schemaguard.tools.deps.code.CodeSite;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers that never query the table: its publication and the logical slot a consumer reads (in the database), and in
 * the code (tools/src/test/resources/cdc-impact) the Debezium connector that streams it to a topic and the listeners of
 * that topic — Kafka by name and by pattern, a Spring Cloud Stream function bound in application.yml — each as the
 * path table → connector → topic → listener; and code that publishes the entity itself, with the listeners of where it
 * goes. Traps: a String published elsewhere, another connector's table, a listener of another topic, and, for
 * a column, a listener whose payload has no field for it.
 */
@Tag("database")
class ChangeDataReadersTest {

    static TestDatabase db;
    static List<Path> roots;
    static String slot;

    @BeforeAll
    static void setUp() throws URISyntaxException {
        db = TestPostgres.createDatabase("cdc_readers");
        slot = "orders_cdc_" + System.nanoTime();
        db.execute("""
                CREATE SCHEMA shop;
                CREATE TABLE shop.orders (id bigint PRIMARY KEY, status text, total_cents bigint);
                CREATE TABLE shop.products (id bigint PRIMARY KEY, name text);
                CREATE TABLE shop.customers (id bigint PRIMARY KEY, email text);
                CREATE PUBLICATION orders_pub FOR TABLE shop.orders;""");
        db.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        roots = List.of(
                Path.of(ChangeDataReadersTest.class.getResource("/cdc-impact").toURI()));
    }

    @AfterAll
    static void dropTheSlot() {
        db.execute("SELECT pg_drop_replication_slot('" + slot + "')"); // a slot left behind keeps WAL forever
    }

    private static DependencyReport map(String target) {
        return new MapDependencies(db.environments("shop")).map("shop", target, 1, roots);
    }

    private static List<String> readers(DependencyReport report) {
        return report.code().stream()
                .filter(c -> List.of("cdc-connector", "event-consumer", "event-producer", "outbox-write")
                        .contains(c.kind()))
                .map(c -> Path.of(c.file()).getFileName() + ":" + c.line() + " " + c.kind() + " " + c.confidence())
                .toList();
    }

    @Test
    void aColumnsChangeReachesTheConnectorAndTheListenersWhosePayloadCarriesIt() {
        DependencyReport status = map("shop.orders.status");
        assertThat(readers(status))
                .containsExactlyInAnyOrder(
                        "orders-connector.json:6 cdc-connector high",
                        "ShipmentListener.java:9 event-consumer medium", // OrderChanged has a status field
                        "AuditListener.java:8 event-consumer low", // raw JSON by topic pattern: every column
                        "OrderPublisher.java:14 event-producer medium", // the entity itself is published
                        "LoyaltyListener.java:8 event-consumer medium", // and read from that topic
                        "OrderService.java:17 outbox-write medium", // written with the outbox, @Transactional
                        "outbox-connector.json:5 cdc-connector medium", // which a relay streams
                        "LoyaltyListener.java:16 event-consumer low"); // to the outbox event router's topics
        CodeSite shipment = status.code().stream()
                .filter(c -> c.file().endsWith("ShipmentListener.java"))
                .findFirst()
                .orElseThrow();
        assertThat(shipment.evidence())
                .isEqualTo("shop.orders → Debezium connector orders-connector (orders-connector.json:6) → topic "
                        + "shop.shop.orders → @KafkaListener onOrder, payload OrderChanged with a field for status");
        assertThat(shipment.service()).isEqualTo("shipping");
        assertThat(status.database())
                .extracting(d -> d.kind() + " " + d.object())
                .contains("publication orders_pub", "replication-slot " + slot);
    }

    @Test
    void theTableItselfReachesEveryListenerOfItsTopicAndNothingElse() {
        assertThat(readers(map("shop.orders")))
                .containsExactlyInAnyOrder(
                        "orders-connector.json:6 cdc-connector high",
                        "ShipmentListener.java:9 event-consumer medium",
                        "AuditListener.java:8 event-consumer medium",
                        "MailerFunctions.java:12 event-consumer medium", // bound to the topic in application.yml
                        "OrderPublisher.java:14 event-producer medium",
                        "LoyaltyListener.java:8 event-consumer medium", // not onNote: a String is published there
                        "OrderService.java:17 outbox-write medium",
                        "outbox-connector.json:5 cdc-connector medium",
                        "LoyaltyListener.java:16 event-consumer low");
        assertThat(readers(map("shop.products"))).containsExactly("catalog.properties:4 cdc-connector high");
        DependencyReport customers = map("shop.customers");
        assertThat(readers(customers)).isEmpty();
        assertThat(customers.blindSpots())
                .anyMatch(b ->
                        b.contains("no Debezium connector configuration under the code roots streams shop.customers"));
        assertThat(customers.database())
                .extracting(DatabaseDependency::kind)
                .doesNotContain("publication", "replication-slot");
    }

    /**
     * An outbox the database keeps itself: a trigger whose function inserts into a table named like an outbox, and
     * what reads that outbox. Traps: a trigger that writes an audit table, and an outbox of another table's trigger.
     */
    @Test
    void anOutboxATriggerWritesIsReportedWithWhatReadsIt() {
        String outboxSlot = "outbox_" + System.nanoTime();
        db.execute("""
                CREATE TABLE shop.payments (id bigint PRIMARY KEY, amount_cents bigint);
                CREATE TABLE shop."payment Outbox" (id bigserial PRIMARY KEY, aggregate_id bigint, payload jsonb);
                CREATE TABLE shop.payments_audit (id bigint, at timestamptz);
                CREATE TABLE shop.refund_outbox (id bigserial PRIMARY KEY, payload jsonb);
                CREATE FUNCTION shop.payment_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO shop."payment Outbox" (aggregate_id, payload) VALUES (NEW.id, to_jsonb(NEW));
                    RETURN NEW;
                END $$;
                CREATE FUNCTION shop.payment_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO shop.payments_audit VALUES (NEW.id, now());
                    RETURN NEW;
                END $$;
                CREATE TRIGGER payment_event AFTER INSERT OR UPDATE ON shop.payments
                    FOR EACH ROW EXECUTE FUNCTION shop.payment_event();
                CREATE TRIGGER payment_audit AFTER INSERT ON shop.payments
                    FOR EACH ROW EXECUTE FUNCTION shop.payment_audit();
                CREATE PUBLICATION outbox_pub FOR TABLE shop."payment Outbox";""");
        db.execute("SELECT pg_create_logical_replication_slot('" + outboxSlot + "', 'pgoutput')");
        try {
            List<DatabaseDependency> outboxes = map("shop.payments").database().stream()
                    .filter(d -> d.kind().equals("outbox"))
                    .toList();
            assertThat(outboxes).singleElement().satisfies(d -> {
                assertThat(d.object()).isEqualTo("shop.\"payment Outbox\"");
                assertThat(d.detail())
                        .contains("trigger payment_event (shop.payment_event()) writes it in the same transaction")
                        .contains("publication outbox_pub")
                        .contains("slot " + outboxSlot + " (pgoutput)");
                assertThat(d.confidence()).isEqualTo("likely");
            });
            // the publication of orders does not cover the outbox; the orders slot reads through its publication
            assertThat(outboxes.get(0).detail()).doesNotContain("orders_pub");
            assertThat(map("shop.orders").database()).noneMatch(d -> d.kind().equals("outbox"));
        } finally {
            db.execute("SELECT pg_drop_replication_slot('" + outboxSlot + "')");
        }
    }
}
