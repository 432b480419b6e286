package dev.schemaguard.sandbox.dryrun;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.fixtures.TargetDatabases;
import dev.schemaguard.sandbox.rollback.RoundTrip;
import dev.schemaguard.sandbox.rollback.RoundTripReport;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real pagila, where a copy of it is at hand: {@code SCHEMAGUARD_PAGILA_SCHEMA} names its pagila-schema.sql (pagila
 * is not on any registry CI reaches; the rental store in pagila's shape stands in for it in every build). The cases are
 * the four a session found wrong on pagila before the export followed dependencies. {@code SCHEMAGUARD_PAGILA_MAJOR} picks the
 * PostgreSQL it is loaded into (default 17; pagila's newest dump needs 18).
 */
@Tag("database")
class RealPagilaTest {

    private static TargetDatabases targets;
    private static Sandboxes sandboxes;

    @BeforeAll
    static void start() throws IOException {
        String schema = System.getenv("SCHEMAGUARD_PAGILA_SCHEMA");
        Assumptions.assumeTrue(
                schema != null,
                "SCHEMAGUARD_PAGILA_SCHEMA names no copy of pagila-schema.sql: the real pagila is not tested here");
        String major = System.getenv().getOrDefault("SCHEMAGUARD_PAGILA_MAJOR", "17");
        targets = new TargetDatabases(Integer.parseInt(major)).load("pagila", Files.readString(Path.of(schema)));
        sandboxes = Sandboxes.embedded();
    }

    @AfterAll
    static void stop() {
        if (sandboxes != null) {
            sandboxes.close();
            targets.close();
        }
    }

    @Test
    void aNoOpDryRunFindsNoDifference() {
        DryRunReport report = new DryRun(targets.environments(), sandboxes).run("pagila", List.of(unit("SELECT 1;")));
        assertThat(report.cloneDifferences()).as(report.toText()).isEmpty();
    }

    @Test
    void aTypeChangeUnderViewsFailsOnTheCopyAsOnPagila() {
        DryRunReport report = new DryRun(targets.environments(), sandboxes)
                .run("pagila", List.of(unit("ALTER TABLE film ALTER COLUMN rental_rate TYPE numeric(6,2);")));
        assertThat(report.verdict()).isEqualTo("failed");
        assertThat(report.statements().get(0).error().message())
                .contains("cannot alter type of a column used by a view or rule");
    }

    @Test
    void theRollbacksOfTheFourCasesAreProven() {
        RoundTrip roundTrip = new RoundTrip(targets.environments(), sandboxes);
        for (String[] c : new String[][] {
            {"DROP TABLE film_category CASCADE;", "verified-with-data-loss"},
            {"ALTER TABLE customer DROP COLUMN email;", "verified-with-data-loss"},
            {"ALTER TYPE mpaa_rating ADD VALUE 'NR';", "verified"}
        }) {
            RoundTripReport report = roundTrip.run("pagila", List.of(unit(c[0])));
            System.out.println(report.toText());
            assertThat(report.verdict()).as(c[0] + "\n" + report.toText()).isEqualTo(c[1]);
            assertThat(report.cloneDifferences()).isEmpty();
        }
    }

    private static MigrationUnit unit(String sql) {
        return new MigrationUnit("migration.sql", 1, sql, true, "plain", "up");
    }
}
