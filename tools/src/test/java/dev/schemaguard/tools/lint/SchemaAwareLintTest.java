package dev.schemaguard.tools.lint;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.rules.LintRules;
import dev.schemaguard.tools.lint.run.LiveSchema;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lint against a real PostgreSQL holding the demo shop: the rules read table sizes, column types and what exists. */
@Tag("database")
class SchemaAwareLintTest {

    private static Environments environments;

    @BeforeAll
    static void loadTheDemoShop() {
        TestDatabase db = TestPostgres.createDatabase("lintaware");
        db.execute(DemoDatabase.schemaSql());
        db.execute(DemoDatabase.dataSql());
        db.execute("ANALYZE");
        environments = db.environments("shop");
    }

    private static List<Finding> lint(String sql, long bigTableRows) {
        LintSettings settings = new LintSettings(null, true, Map.of(), bigTableRows, List.of(), null);
        try (LiveSchema schema = LiveSchema.open(environments, "shop")) {
            return new LintMigration(LintRules.all(), settings, schema).lint(sql, "V9__x.sql", false);
        }
    }

    @Test
    void theOldTypeOfAColumnComesFromTheDatabase() {
        assertThat(lint("ALTER TABLE shop.orders ALTER COLUMN note TYPE varchar(100);", Long.MAX_VALUE))
                .filteredOn(f -> f.rule().equals("changing-column-type"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("from text to varchar(100)"));
        assertThat(lint("ALTER TABLE shop.products ALTER COLUMN sku TYPE text;", Long.MAX_VALUE))
                .extracting(Finding::rule)
                .as("varchar to text is binary-coercible")
                .doesNotContain("changing-column-type");
    }

    @Test
    void aDroppedColumnIsBackedUpWithThePrimaryKeyThatFindsItsRowNotAsACopyOfTheTable() {
        Finding drop = lint("ALTER TABLE shop.orders DROP COLUMN note;", Long.MAX_VALUE).stream()
                .filter(f -> f.rule().equals("ban-drop-column"))
                .findFirst()
                .orElseThrow();
        assertThat(drop.fix())
                .contains("AS SELECT id, note FROM shop.orders WHERE note IS NOT NULL")
                .doesNotContain("SELECT *");
    }

    @Test
    void setNotNullOnAColumnAlreadyNotNullIsNoScanAndBulkDmlNamesTheRowTriggersItRuns() {
        assertThat(lint("ALTER TABLE shop.orders ALTER COLUMN customer_id SET NOT NULL;", Long.MAX_VALUE))
                .extracting(Finding::rule)
                .as("customer_id is NOT NULL already")
                .doesNotContain("adding-not-nullable-field");
        assertThat(lint("ALTER TABLE shop.orders ALTER COLUMN note SET NOT NULL;", Long.MAX_VALUE))
                .extracting(Finding::rule)
                .contains("adding-not-nullable-field");
        Finding bulk = lint("UPDATE shop.orders SET note = '';", Long.MAX_VALUE).stream()
                .filter(f -> f.rule().equals("unbounded-delete-update"))
                .findFirst()
                .orElseThrow();
        assertThat(bulk.message()).contains("row triggers run for each of them too");
    }

    @Test
    void objectsThatDoNotExistAreErrors() {
        assertThat(lint("ALTER TABLE shop.orders DROP COLUMN notes;\nDROP TABLE shop.order;", Long.MAX_VALUE))
                .filteredOn(f -> f.rule().equals("missing-object"))
                .extracting(Finding::line, Finding::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(2, Severity.ERROR));
    }

    @Test
    void locksOnBigTablesBecomeErrorsAndSayHowBig() {
        String sql = "CREATE INDEX orders_note_idx ON shop.orders (note);";
        Finding small = lint(sql, Long.MAX_VALUE).stream()
                .filter(f -> f.rule().equals("require-concurrent-index-creation"))
                .findFirst()
                .orElseThrow();
        Finding big = lint(sql, 1).stream()
                .filter(f -> f.rule().equals("require-concurrent-index-creation"))
                .findFirst()
                .orElseThrow();
        assertThat(small.severity()).isEqualTo(Severity.WARNING);
        assertThat(small.message()).containsPattern("\\[shop\\.orders: ~[\\d.]+k? rows, [\\d.]+ kB\\]");
        assertThat(big.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void theTargetVersionIsTheEnvironments() {
        try (LiveSchema schema = LiveSchema.open(environments, "shop")) {
            LintMigration lint = new LintMigration(LintRules.all(), LintSettings.defaults(), schema);
            assertThat(lint.targetVersion())
                    .isEqualTo(schema.serverMajorVersion())
                    .isBetween(13, 18);
            assertThat(lint.lint(Map.of("a.sql", "SELECT 1;"), true).note()).contains("environment 'shop'");
        }
    }
}
