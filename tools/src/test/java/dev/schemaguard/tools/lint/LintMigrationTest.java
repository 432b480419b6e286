package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.lint.rules.LintRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine adds around the rules: dynamic SQL, ignores, baselines, severities, exclusions, odd input. */
class LintMigrationTest {

    @Test
    void aTypeChangeIsNamedByTheColumnWhoseTypeChangesNotTheStatementsFirstColumn() {
        // crates.io 20170315133901: kind gets a default and NOT NULL, features changes its type
        List<Finding> findings =
                lint("ALTER TABLE dependencies ALTER COLUMN kind SET DEFAULT 0, ALTER COLUMN kind SET NOT NULL, "
                        + "ALTER COLUMN features SET DATA TYPE text[] USING string_to_array(features, ',');");
        assertThat(findings)
                .filteredOn(f -> f.rule().equals("changing-column-type"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("changing dependencies.features "));
    }

    private static List<Finding> lint(String sql) {
        return new LintMigration(LintRules.all()).lint(sql, "V1__x.sql", true);
    }

    @Test
    void aLaterMigrationKnowsWhichColumnsEarlierOnesMadeNotNull() {
        List<dev.schemaguard.tools.lint.input.MigrationUnit> tree = List.of(
                unit(
                        "V1__create.sql",
                        "CREATE TABLE crates (id bigint, name text NOT NULL, readme text, PRIMARY KEY (id));"),
                unit(
                        "V2__again.sql",
                        "ALTER TABLE crates ALTER COLUMN name SET NOT NULL;\nALTER TABLE crates ALTER COLUMN id SET NOT NULL;"),
                unit("V3__add.sql", "ALTER TABLE crates ADD COLUMN owner text NOT NULL DEFAULT 'nobody';"),
                unit("V4__again.sql", "ALTER TABLE crates ALTER COLUMN owner SET NOT NULL;"),
                unit("V5__relax.sql", "ALTER TABLE crates ALTER COLUMN name DROP NOT NULL;"),
                unit(
                        "V6__tighten.sql",
                        "ALTER TABLE crates ALTER COLUMN name SET NOT NULL;\nALTER TABLE crates ALTER COLUMN readme SET NOT NULL;"));
        LintReport report = new LintMigration(LintRules.all()).lint(tree);
        assertThat(report.findings())
                .filteredOn(f -> f.rule().equals("adding-not-nullable-field"))
                .extracting(f -> f.file() + ":" + f.line())
                .as(
                        "SET NOT NULL on a column earlier files made NOT NULL is a no-op; after DROP NOT NULL, or on one never NOT NULL, it scans")
                .containsExactly("V6__tighten.sql:1", "V6__tighten.sql:2");
    }

    private static dev.schemaguard.tools.lint.input.MigrationUnit unit(String file, String sql) {
        return new dev.schemaguard.tools.lint.input.MigrationUnit(file, 1, sql, true, "flyway", "up");
    }

    @Test
    void aLaterMigrationKnowsTheColumnTypesEarlierOnesSetAsSquawkDoesAcrossFiles() {
        List<dev.schemaguard.tools.lint.input.MigrationUnit> tree = List.of(
                new dev.schemaguard.tools.lint.input.MigrationUnit(
                        "V1__create.sql",
                        1,
                        "CREATE TABLE crates (id bigint PRIMARY KEY, name varchar(50), readme varchar(100));",
                        true,
                        "flyway",
                        "up"),
                new dev.schemaguard.tools.lint.input.MigrationUnit(
                        "V2__rename.sql",
                        1,
                        "ALTER TABLE crates RENAME COLUMN readme TO description;",
                        true,
                        "flyway",
                        "up"),
                new dev.schemaguard.tools.lint.input.MigrationUnit(
                        "V3__widen.sql",
                        1,
                        "ALTER TABLE crates ALTER COLUMN name TYPE text, ALTER COLUMN description TYPE varchar(200);",
                        true,
                        "flyway",
                        "up"));
        LintReport together = new LintMigration(LintRules.all()).lint(tree);
        assertThat(together.findings())
                .filteredOn(f -> f.file().equals("V3__widen.sql"))
                .extracting(Finding::rule)
                .as("varchar(50) → text and varchar(100) → varchar(200) change only the catalog")
                .doesNotContain("changing-column-type");
        List<Finding> alone =
                new LintMigration(LintRules.all()).lint(tree.get(2).sql(), "V3__widen.sql", true);
        assertThat(alone)
                .extracting(Finding::rule)
                .as("without the earlier files the old types are not known")
                .contains("changing-column-type");
    }

    @Test
    void timestampToTimestamptzWithTheSessionInUtcIsNoRewriteOnPostgres12AndLater() {
        dev.schemaguard.tools.lint.input.MigrationUnit create = new dev.schemaguard.tools.lint.input.MigrationUnit(
                "V1__events.sql",
                1,
                "CREATE TABLE events (id bigint PRIMARY KEY, at timestamp NOT NULL);",
                true,
                "flyway",
                "up");
        LintReport inUtc = new LintMigration(LintRules.all())
                .lint(List.of(
                        create,
                        new dev.schemaguard.tools.lint.input.MigrationUnit(
                                "V2__tz.sql",
                                1,
                                "SET timezone = 'UTC';\nALTER TABLE events ALTER COLUMN at TYPE timestamptz;",
                                true,
                                "flyway",
                                "up")));
        assertThat(inUtc.findings()).extracting(Finding::rule).doesNotContain("changing-column-type");
        LintReport otherZone = new LintMigration(LintRules.all())
                .lint(List.of(
                        create,
                        new dev.schemaguard.tools.lint.input.MigrationUnit(
                                "V2__tz.sql",
                                1,
                                "ALTER TABLE events ALTER COLUMN at TYPE timestamptz;",
                                true,
                                "flyway",
                                "up")));
        assertThat(otherZone.findings())
                .extracting(Finding::rule)
                .as("in another time zone every value is rewritten")
                .contains("changing-column-type");
    }

    @Test
    void literalDynamicSqlIsLintedAtTheLineOfItsExecute() {
        List<Finding> findings = lint("""
                DO $$
                BEGIN
                  EXECUTE 'DROP TABLE shop.carts';
                  EXECUTE 'ALTER TABLE shop.' || 'orders DROP COLUMN x';
                END $$;
                """);
        assertThat(findings)
                .filteredOn(f -> f.rule().equals("ban-drop-table"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.line()).isEqualTo(3);
                    assertThat(f.message()).startsWith("in dynamic SQL (EXECUTE): ");
                });
        assertThat(findings).extracting(Finding::rule).doesNotContain("ban-drop-column");
    }

    @Test
    void anIgnoreSilencesTheNamedRulesOnTheNextStatementOnly() {
        List<Finding> findings = lint("""
                -- schemaguard:ignore ban-drop-table, require-lock-timeout
                DROP TABLE shop.carts;
                DROP TABLE shop.wishlists;
                """);
        assertThat(findings)
                .extracting(Finding::rule, Finding::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ban-drop-table", 3),
                        org.assertj.core.groups.Tuple.tuple("require-lock-timeout", 3));
    }

    @Test
    void ignoreFileSkipsTheFileOrSilencesRulesAndReportsWhatItDidNotUse() {
        assertThat(lint("-- schemaguard:ignore-file\nDROP TABLE shop.carts;\n")).isEmpty();
        List<Finding> findings = lint(
                "-- schemaguard:ignore-file ban-drop-table, prefer-text-field\nDROP TABLE shop.carts;\nDROP TABLE shop.tags;\n");
        assertThat(findings)
                .extracting(Finding::rule)
                .doesNotContain("ban-drop-table")
                .contains("require-lock-timeout");
        assertThat(findings)
                .filteredOn(f -> f.rule().equals("unused-ignore"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("prefer-text-field"));
    }

    @Test
    void configuredSeveritiesOverrideDefaultsAndOffDisables() {
        LintSettings settings = new LintSettings(
                null,
                true,
                Map.of(
                        "ban-drop-table",
                        Severity.INFO,
                        "require-lock-timeout",
                        Severity.OFF,
                        "require-table-schema",
                        Severity.ERROR),
                LintSettings.DEFAULT_BIG_TABLE_ROWS,
                List.of(),
                null);
        List<Finding> findings =
                new LintMigration(LintRules.all(), settings, null).lint("DROP TABLE carts;", "a.sql", true);
        assertThat(findings)
                .extracting(Finding::rule, Finding::severity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ban-drop-table", Severity.INFO),
                        org.assertj.core.groups.Tuple.tuple("require-table-schema", Severity.ERROR));
    }

    @Test
    void aBaselineSilencesAcceptedFindingsEvenWhenTheyMove(@TempDir Path dir) {
        Path baseline = dir.resolve("baseline.json");
        LintReport before =
                new LintMigration(LintRules.all()).lint(Map.of("V1__drop.sql", "DROP TABLE shop.carts;"), true);
        Baseline.write(baseline, before.findings());
        LintSettings settings = LintSettings.defaults().withBaseline(baseline.toString());
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("V1__drop.sql", "-- a comment added later\n\nDROP TABLE   shop.carts;\nDROP TABLE shop.tags;");
        LintReport after = new LintMigration(LintRules.all(), settings, null).lint(moved, true);
        assertThat(after.findings()).extracting(Finding::line).containsOnly(4);
        assertThat(after.summary().get("baselined")).isEqualTo(before.findings().size());
    }

    @Test
    void aBrokenBaselineIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path baseline = dir.resolve("baseline.json");
        java.nio.file.Files.writeString(baseline, "{\"findings\": [{\"rule\": \"x\"}]}");
        assertThatThrownBy(() -> new LintMigration(
                        LintRules.all(), LintSettings.defaults().withBaseline(baseline.toString()), null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(baseline.toString())
                .hasMessageContaining("findings[0]");
    }

    @Test
    void excludedPathsAreNotLinted() {
        LintSettings settings = new LintSettings(null, true, Map.of(), 1, List.of("legacy/**"), null);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("legacy/V1__old.sql", "DROP TABLE shop.carts;");
        files.put("db/V2__new.sql", "DROP TABLE shop.tags;");
        LintReport report = new LintMigration(LintRules.all(), settings, null).lint(files, true);
        assertThat(report.findings()).extracting(Finding::file).containsOnly("db/V2__new.sql");
        assertThat(report.summary().get("files")).isEqualTo(1);
    }

    @Test
    void trickyRealWorldPostgresIsSplitAndLintedWithoutSurprises() throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/lint-corpus/tricky.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LintReport report = new LintMigration(LintRules.all()).lint(Map.of("tricky.sql", sql), false);
        assertThat(report.findings()).extracting(Finding::rule).doesNotContain("unparsed-statement", "ban-drop-table");
        assertThat(report.findings())
                .filteredOn(f -> f.rule().equals("create-table-without-primary-key"))
                .singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(24));
        assertThat(report.summary().get("statements")).isEqualTo(13);
    }
}
