package dev.schemaguard.sandbox.check;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.demo.DemoEnvironment;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One report per migration: ready, review or blocked, with the reasons and an id bound to the migration and schema. */
@Tag("database")
class CheckMigrationTest {

    private static DemoEnvironment demo;
    private static Sandboxes sandboxes;
    private static CheckMigration check;

    @BeforeAll
    static void start() {
        demo = DemoEnvironment.start();
        sandboxes = Sandboxes.embedded();
        check = new CheckMigration(new JdbcEnvironments(demo.environments()), LintSettings.defaults(), sandboxes);
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        demo.close();
    }

    private static CheckReport check(String sql) {
        return check.check("dev", List.of(new MigrationUnit("V9__x.sql", 1, sql, true, "flyway", "up")));
    }

    @Test
    void aSafeMigrationIsReady() {
        CheckReport report = check(
                "SET lock_timeout = '5s';\nCREATE TABLE shop.wishlists (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);");
        assertThat(report.verdict()).as(report.toText()).isEqualTo("ready");
        assertThat(report.reportId()).startsWith("chk_");
        assertThat(check(
                                "SET lock_timeout = '5s';\nCREATE TABLE shop.wishlists (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);")
                        .reportId())
                .as("same migration, same schema")
                .isEqualTo(report.reportId());
    }

    @Test
    void warningsAndDataLossNeedReview() {
        CheckReport report = check("UPDATE shop.orders SET note = 'checked' WHERE id = 1;");
        assertThat(report.verdict()).as(report.toText()).isEqualTo("review");
        assertThat(report.reasons()).anySatisfy(r -> assertThat(r).contains("destroys data"));
    }

    @Test
    void withCodeRootsTheReportNamesTheCodeAMigrationBreaks() {
        CheckMigration withCode = new CheckMigration(
                new JdbcEnvironments(demo.environments()),
                LintSettings.defaults(),
                sandboxes,
                List.of(java.nio.file.Path.of("..", "examples", "services")));
        CheckReport report = withCode.check(
                "dev",
                List.of(new MigrationUnit(
                        "V9__x.sql",
                        1,
                        "SET lock_timeout = '5s';\nALTER TABLE shop.customers DROP COLUMN email;",
                        true,
                        "flyway",
                        "up")));
        assertThat(report.verdict()).isIn("review", "blocked");
        assertThat(report.reasons())
                .anySatisfy(r -> assertThat(r)
                        .contains("dropped-column shop.customers.email")
                        .contains("code site(s)")
                        .contains("expand → migrate code → contract"));
        assertThat(report.impact().services())
                .extracting(s -> s.service())
                .contains("customer-service", "notifications");
        assertThat(report.toText()).contains("== impact");
    }

    @Test
    void aLintErrorOrAFailingStatementBlocks() {
        CheckReport failing = check("ALTER TABLE shop.orders ADD COLUMN x no_such_type;");
        assertThat(failing.verdict()).isEqualTo("blocked");
        assertThat(failing.reasons())
                .anySatisfy(r -> assertThat(r).contains("the dry run fails").contains("no_such_type"));
        CheckReport locking = check("ALTER TABLE shop.orders ADD COLUMN token uuid DEFAULT gen_random_uuid();");
        assertThat(locking.verdict()).isEqualTo("blocked");
        assertThat(locking.reasons()).anySatisfy(r -> assertThat(r).contains("adding-field-with-default"));
        assertThat(locking.reportId()).isNotEqualTo(failing.reportId());
    }
}
