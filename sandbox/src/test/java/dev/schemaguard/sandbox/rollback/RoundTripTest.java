package dev.schemaguard.sandbox.rollback;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.demo.DemoEnvironment;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every forward migration in {@code rollback/migrations.sql} (each under {@code -- migration: NAME expect: VERDICT})
 * gets a generated rollback that is proven on a copy of the demo shop: up, down, compare, up again.
 */
@Tag("database")
class RoundTripTest {

    private static final Pattern HEADER = Pattern.compile("(?m)^-- migration: (\\S+) expect: (\\S+)$");

    private static DemoEnvironment demo;
    private static Sandboxes sandboxes;
    private static RoundTrip roundTrip;

    record Case(String name, String expected, String sql) {
        @Override
        public String toString() {
            return name + " → " + expected;
        }
    }

    @BeforeAll
    static void start() {
        demo = DemoEnvironment.start();
        sandboxes = Sandboxes.embedded();
        roundTrip = new RoundTrip(new JdbcEnvironments(demo.environments()), sandboxes);
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        demo.close();
    }

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/rollback/migrations.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        Matcher m = HEADER.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(new String[] {m.group(1), m.group(2)});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            cases.add(new Case(
                    names.get(i)[0],
                    names.get(i)[1],
                    text.substring(starts.get(i)[1], end).strip()));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theGeneratedRollbackRestoresTheSchema(Case c) {
        RoundTripReport report =
                roundTrip.run("dev", List.of(new MigrationUnit(c.name() + ".sql", 1, c.sql(), true, "plain", "up")));
        assertThat(report.verdict()).as("%s%n%s", c.name(), report.toText()).isEqualTo(c.expected());
        assertThat(report.cloneDifferences())
                .as("the copy of the demo is faithful")
                .isEmpty();
        if (c.expected().equals("failed")) {
            assertThat(report.failure()).as("a failed proof says what to fix").isNotBlank();
        } else {
            assertThat(report.differences()).isEmpty();
            assertThat(report.reapplicable()).isTrue();
        }
        if (c.expected().equals("verified-with-data-loss")) {
            assertThat(report.dataLoss()).isNotEmpty();
        }
    }

    @Test
    void aShippedDownMigrationIsCheckedInsteadOfGenerated() {
        RoundTripReport good = roundTrip.run(
                "dev",
                List.of(
                        new MigrationUnit(
                                "1_add.up.sql",
                                1,
                                "ALTER TABLE shop.orders ADD COLUMN channel text;",
                                true,
                                "golang-migrate",
                                "up"),
                        new MigrationUnit(
                                "1_add.down.sql",
                                1,
                                "ALTER TABLE shop.orders DROP COLUMN channel;",
                                true,
                                "golang-migrate",
                                "down")));
        assertThat(good.verdict()).isEqualTo("verified");
        assertThat(good.source()).isEqualTo("1_add.down.sql");
        RoundTripReport incomplete = roundTrip.run(
                "dev",
                List.of(
                        new MigrationUnit(
                                "2_add.up.sql",
                                1,
                                "ALTER TABLE shop.orders ADD COLUMN a text, ADD COLUMN b text;",
                                true,
                                "golang-migrate",
                                "up"),
                        new MigrationUnit(
                                "2_add.down.sql",
                                1,
                                "ALTER TABLE shop.orders DROP COLUMN a;",
                                true,
                                "golang-migrate",
                                "down")));
        assertThat(incomplete.verdict()).isEqualTo("failed");
        assertThat(incomplete.differences()).isNotEmpty();
        assertThat(incomplete.failure()).contains("differs after the rollback: table:shop.orders");
    }

    /** A Diesel tree read from disk: its down.sql is the rollback that is proven, not one generated. */
    @Test
    void aDieselTreesDownSqlIsCheckedAsItsRollback(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tree)
            throws Exception {
        java.nio.file.Path migration =
                java.nio.file.Files.createDirectories(tree.resolve("2024-01-02-000000_add_channel"));
        java.nio.file.Files.writeString(
                migration.resolve("up.sql"), "ALTER TABLE shop.orders ADD COLUMN channel text;\n");
        java.nio.file.Files.writeString(
                migration.resolve("down.sql"), "ALTER TABLE shop.orders DROP COLUMN channel;\n");
        RoundTripReport report = roundTrip.run(
                "dev", dev.schemaguard.tools.lint.input.MigrationSources.read(List.of(tree.toString()), true));
        assertThat(report.verdict()).isEqualTo("verified");
        assertThat(report.source()).endsWith("down.sql");
    }

    @Test
    void aColumnDroppedAndAddedAgainComesBackLastAndTheReportSaysSo() {
        RoundTripReport report = roundTrip.run(
                "dev",
                List.of(new MigrationUnit(
                        "drop.sql",
                        1,
                        "DROP VIEW shop.order_summaries;\n" + "ALTER TABLE shop.customers DROP COLUMN full_name;",
                        true,
                        "plain",
                        "up")));
        assertThat(report.verdict()).isEqualTo("verified-with-data-loss");
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("column order differs in shop.customers"));
        assertThat(report.rollbackSql())
                .contains("ALTER TABLE shop.customers ADD COLUMN full_name text NOT NULL")
                .contains("CREATE VIEW shop.order_summaries AS");
    }

    @Test
    void anAddedEnumValueIsRolledBackByRebuildingTheTypeAndWhatUsesIt() {
        RoundTripReport report = roundTrip.run(
                "dev",
                List.of(new MigrationUnit(
                        "enum.sql",
                        1,
                        "ALTER TYPE shop.order_status ADD VALUE 'on_hold' AFTER 'paid';",
                        true,
                        "plain",
                        "up")));
        assertThat(report.verdict()).isEqualTo("verified");
        assertThat(report.rollbackSql())
                .contains(
                        "ALTER TYPE shop.order_status RENAME TO order_status_before_rollback",
                        "USING status::text::shop.order_status",
                        "DROP TYPE shop.order_status_before_rollback",
                        "DROP VIEW shop.order_summaries",
                        "DROP INDEX shop.orders_open_idx");
        assertThat(report.notes())
                .singleElement()
                .asString()
                .contains("'on_hold'")
                .contains("while any row still holds it");
    }
}
