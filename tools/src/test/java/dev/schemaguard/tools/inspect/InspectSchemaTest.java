package dev.schemaguard.tools.inspect;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.schema.Column;
import dev.schemaguard.tools.schema.Constraint;
import dev.schemaguard.tools.schema.ObjectKind;
import dev.schemaguard.tools.schema.Table;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** inspect_schema against the demo shop: every object kind the catalog reader knows, read back as loaded. */
@Tag("database")
class InspectSchemaTest {

    private static InspectSchema inspect;

    @BeforeAll
    static void loadTheDemoShop() {
        TestDatabase db = TestPostgres.createDatabase("inspect");
        db.execute(DemoDatabase.schemaSql());
        db.execute(DemoDatabase.dataSql());
        db.execute(
                "CREATE EXTENSION IF NOT EXISTS pg_trgm"); // extension members must not show up as the user's objects
        inspect = new InspectSchema(db.environments("shop"), 20_000);
    }

    private static InspectResult request(
            String table,
            String schema,
            String pattern,
            Set<ObjectKind> kinds,
            InspectRequest.Detail detail,
            String cursor,
            Integer budget) {
        return inspect.inspect(new InspectRequest("shop", table, schema, pattern, kinds, detail, cursor, budget));
    }

    private static Table table(InspectResult result, String qualifiedName) {
        return result.tables().stream()
                .filter(t -> t.qualifiedName().equals(qualifiedName))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void wholeDemoSchemaFitsTheDefaultBudgetWithTotalsPerKind() {
        InspectResult result = inspect.inspect(InspectRequest.of("shop"));
        assertThat(result.totals())
                .containsEntry("table", 24)
                .containsEntry("view", 2)
                .containsEntry("materialized_view", 1)
                .containsEntry("enum", 1)
                .containsEntry("domain", 2)
                .containsEntry("procedure", 1);
        assertThat(result.totals().get("function")).isEqualTo(4);
        assertThat(result.totals().get("sequence")).isGreaterThanOrEqualTo(9);
        assertThat(result.schemas()).extracting("name").containsExactly("billing", "public", "shop");
        assertThat(result.serverVersion()).startsWith("17");
        assertThat(result.routines()).extracting("name").doesNotContain("similarity"); // pg_trgm's
        assertThat(result.truncated()).isFalse();
        assertThat(result.returned())
                .isEqualTo(result.totals().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        assertThat(PageSizer.JSON.writeValueAsString(result).length()).isLessThanOrEqualTo(20_000 * 4);
    }

    @Test
    void oneTableInFullDetailWithWhatReferencesIt() {
        InspectResult result = request("shop.orders", null, null, null, null, null, null);
        assertThat(result.detail()).isEqualTo("full");
        Table orders = result.tables().get(0);
        assertThat(orders.kind()).isEqualTo("table");
        assertThat(orders.comment()).isEqualTo("Orders placed by customers");
        assertThat(orders.rowEstimate()).isEqualTo(2000L);
        assertThat(orders.totalBytes()).isPositive();
        Column id = orders.columns().get(0);
        assertThat(id.name()).isEqualTo("id");
        assertThat(id.identity()).isEqualTo("always");
        assertThat(id.nullable()).isFalse();
        Column status = orders.columns().stream()
                .filter(c -> c.name().equals("status"))
                .findFirst()
                .orElseThrow();
        assertThat(status.type()).isEqualTo("shop.order_status");
        assertThat(status.defaultValue()).isEqualTo("'pending'::shop.order_status");
        assertThat(orders.columns())
                .filteredOn(c -> c.name().equals("total_cents"))
                .extracting(Column::comment)
                .containsExactly("Sum of the order lines, kept by a trigger");
        assertThat(orders.constraints()).extracting(Constraint::type).contains("primary_key", "foreign_key");
        Constraint toCustomer = orders.constraints().stream()
                .filter(c -> c.name().equals("orders_customer_id_fkey"))
                .findFirst()
                .orElseThrow();
        assertThat(toCustomer.references().table()).isEqualTo("shop.customers");
        assertThat(toCustomer.references().onDelete()).isEqualTo("restrict");
        assertThat(orders.indexes()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("orders_open_idx");
            assertThat(i.predicate()).contains("status");
            assertThat(i.valid()).isTrue();
        });
        assertThat(orders.triggers())
                .extracting("name")
                .containsExactlyInAnyOrder("orders_audit", "orders_touch_updated_at");
        assertThat(orders.triggers())
                .filteredOn(t -> t.name().equals("orders_audit"))
                .first()
                .satisfies(t -> {
                    assertThat(t.timing()).isEqualTo("after");
                    assertThat(t.events()).containsExactly("insert", "update", "delete");
                    assertThat(t.function()).isEqualTo("shop.write_audit_log");
                });
        assertThat(result.references().referencedBy())
                .extracting("table", "onDelete")
                .contains(
                        org.assertj.core.groups.Tuple.tuple("shop.order_lines", "cascade"),
                        org.assertj.core.groups.Tuple.tuple("billing.invoices", "restrict"));
        assertThat(result.references().dependentViews()).contains("shop.order_summaries");
        assertThat(result.references().ownedSequences()).containsExactly("shop.orders_id_seq");
        assertThat(result.toText())
                .contains("shop.orders")
                .contains("Referenced by:")
                .contains("shop.order_lines");
    }

    @Test
    void partitionedTablesPartitionsAndInheritance() {
        InspectResult events = request("shop.order_events", null, null, null, null, null, null);
        Table parent = events.tables().get(0);
        assertThat(parent.kind()).isEqualTo("partitioned_table");
        assertThat(parent.partitionKey()).isEqualTo("RANGE (occurred_at)");
        assertThat(events.references().partitionsOrChildren())
                .containsExactly(
                        "shop.order_events_2026_09",
                        "shop.order_events_2026_10",
                        "shop.order_events_2026_11",
                        "shop.order_events_default");

        Table partition = request("shop.order_events_2026_10", null, null, null, null, null, null)
                .tables()
                .get(0);
        assertThat(partition.kind()).isEqualTo("partition");
        assertThat(partition.partitionOf().parent()).isEqualTo("shop.order_events");
        assertThat(partition.partitionOf().bound()).contains("FOR VALUES FROM ('2026-10-01");

        Table archive = request("shop.audit_log_archive", null, null, null, null, null, null)
                .tables()
                .get(0);
        assertThat(archive.inherits()).containsExactly("shop.audit_log");
    }

    @Test
    void constraintsIncludingNotValidExclusionAndGeneratedColumns() {
        InspectResult all =
                request(null, null, null, EnumSet.of(ObjectKind.TABLE), InspectRequest.Detail.FULL, null, null);
        Table reviews = table(all, "shop.reviews");
        assertThat(reviews.constraints())
                .filteredOn(c -> c.name().equals("reviews_rating_range"))
                .first()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo("check");
                    assertThat(c.validated()).isFalse();
                });
        Table coupons = table(all, "shop.coupons");
        assertThat(coupons.constraints())
                .filteredOn(c -> c.type().equals("exclusion"))
                .extracting(Constraint::name)
                .containsExactly("coupons_no_overlap");
        Table products = table(all, "shop.products");
        assertThat(products.columns())
                .filteredOn(c -> c.name().equals("price_gross_cents"))
                .first()
                .satisfies(c -> assertThat(c.generated()).contains("price_cents"));
        assertThat(products.columns())
                .filteredOn(c -> c.name().equals("name_search"))
                .first()
                .satisfies(c -> assertThat(c.collation()).isEqualTo("C"));
        assertThat(products.indexes())
                .filteredOn(i -> i.name().equals("products_attributes_idx"))
                .first()
                .satisfies(i -> assertThat(i.method()).isEqualTo("gin"));
        Table refunds = table(all, "billing.refunds");
        assertThat(refunds.constraints())
                .filteredOn(c -> c.name().equals("refunds_payment_fk"))
                .first()
                .satisfies(c -> {
                    assertThat(c.validated()).isFalse();
                    assertThat(c.references().onDelete()).isEqualTo("cascade");
                });
    }

    @Test
    void viewsTypesSequencesAndRoutines() {
        InspectResult result = request(
                null,
                null,
                null,
                EnumSet.of(
                        ObjectKind.VIEW,
                        ObjectKind.MATERIALIZED_VIEW,
                        ObjectKind.ENUM,
                        ObjectKind.DOMAIN,
                        ObjectKind.SEQUENCE,
                        ObjectKind.FUNCTION,
                        ObjectKind.PROCEDURE),
                null,
                null,
                null);
        assertThat(result.detail()).isEqualTo("full");
        Table summaries = table(result, "shop.order_summaries");
        assertThat(summaries.definition()).contains("JOIN shop.customers");
        Table sales = table(result, "shop.product_sales");
        assertThat(sales.kind()).isEqualTo("materialized_view");
        assertThat(sales.populated()).isTrue();
        assertThat(sales.indexes()).extracting("name").containsExactly("product_sales_product_idx");
        assertThat(result.types())
                .filteredOn(t -> t.name().equals("order_status"))
                .first()
                .satisfies(t -> assertThat(t.labels())
                        .containsExactly("pending", "paid", "shipped", "delivered", "cancelled", "refunded"));
        assertThat(result.types())
                .filteredOn(t -> t.name().equals("money_amount"))
                .first()
                .satisfies(t -> {
                    assertThat(t.kind()).isEqualTo("domain");
                    assertThat(t.baseType()).isEqualTo("numeric(12,2)");
                    assertThat(t.notNull()).isTrue();
                    assertThat(t.checks()).containsExactly("CHECK (VALUE >= 0::numeric)");
                });
        assertThat(result.sequences())
                .filteredOn(s -> s.name().equals("invoice_number_seq"))
                .first()
                .satisfies(s -> {
                    assertThat(s.start()).isEqualTo(10000);
                    assertThat(s.ownedBy()).isEqualTo("billing.invoices.invoice_number");
                });
        assertThat(result.routines())
                .filteredOn(r -> r.name().equals("issue_invoice"))
                .first()
                .satisfies(r -> {
                    assertThat(r.kind()).isEqualTo("procedure");
                    assertThat(r.arguments()).contains("p_order_id bigint").contains("p_days_due integer");
                    assertThat(r.language()).isEqualTo("plpgsql");
                });
        assertThat(result.routines())
                .filteredOn(r -> r.name().equals("write_audit_log"))
                .first()
                .satisfies(r -> assertThat(r.securityDefiner()).isTrue());
    }

    @Test
    void indexesAndTriggersCanBeListedOnTheirOwn() {
        InspectResult result =
                request(null, "shop", null, EnumSet.of(ObjectKind.INDEX, ObjectKind.TRIGGER), null, null, null);
        assertThat(result.totals()).containsOnlyKeys("index", "trigger");
        assertThat(result.triggers()).hasSize(5);
        assertThat(result.indexes()).anySatisfy(i -> {
            assertThat(i.table()).isEqualTo("shop.orders");
            assertThat(i.index().name()).isEqualTo("orders_customer_placed_idx");
        });
    }

    @Test
    void filtersBySchemaAndNamePattern() {
        InspectResult result = request(null, "billing", "pay*", null, null, null, null);
        assertThat(result.tables())
                .extracting(Table::qualifiedName)
                .containsExactly("billing.payment_methods", "billing.payments");
        assertThat(result.totals().get("table")).isEqualTo(2);
    }

    @Test
    void unknownTableSuggestsCloseMatches() {
        assertThatThrownBy(() -> request("shop.order", null, null, null, null, null, null))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("Table shop.order not found")
                .hasMessageContaining("shop.orders");
        assertThatThrownBy(() -> request("billing.orders", null, null, null, null, null, null))
                .hasMessageContaining("shop.orders");
        assertThatThrownBy(() -> request("a.b.c", null, null, null, null, null, null))
                .hasMessageContaining("schema.name");
    }

    @Test
    void unknownSchemaAndEnvironmentAreNamed() {
        assertThatThrownBy(() -> request(null, "shopp", null, null, null, null, null))
                .hasMessageContaining("Schema 'shopp' not found")
                .hasMessageContaining("shop");
        assertThatThrownBy(() -> inspect.inspect(InspectRequest.of("production")))
                .hasMessageContaining("Unknown environment 'production'")
                .hasMessageContaining("shop");
    }

    @Test
    void tableWithoutSchemaIsFoundWhenTheNameIsUnique() {
        assertThat(request("invoices", null, null, null, null, null, null)
                        .tables()
                        .get(0)
                        .qualifiedName())
                .isEqualTo("billing.invoices");
    }

    @Test
    void aCursorIsBoundToItsFilters() {
        InspectResult first = request(null, null, null, null, InspectRequest.Detail.FULL, null, 2_000);
        assertThat(first.truncated()).isTrue();
        assertThatThrownBy(
                        () -> request(null, "shop", null, null, InspectRequest.Detail.FULL, first.nextCursor(), 2_000))
                .hasMessageContaining("other filters");
        assertThatThrownBy(() -> request(null, null, null, null, null, "bm90IGEgY3Vyc29y", null))
                .hasMessageContaining("is not a cursor");
    }

    @Test
    void textSummaryNamesCountsAndTheCursor() {
        InspectResult page = request(null, null, null, null, InspectRequest.Detail.SUMMARY, null, 1_000);
        assertThat(page.toText()).contains("Matching objects:").contains("cursor=" + page.nextCursor());
        assertThat(List.of(page.toText().split("\n")).size()).isLessThan(40);
    }
}
