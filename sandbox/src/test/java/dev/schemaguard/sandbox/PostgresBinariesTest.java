package dev.schemaguard.sandbox;

import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded sandbox runs the target's PostgreSQL major version, so a migration fails there as it would in production. */
@Tag("database")
class PostgresBinariesTest {

    @Test
    void theTargetsMajorWhenBundledElseTheNearestSayingSo() {
        assertThat(PostgresBinaries.bundled()).containsExactly(14, 15, 16, 17, 18);
        assertThat(PostgresBinaries.forTarget(16)).isEqualTo(new PostgresBinaries.Choice(16, null));
        assertThat(PostgresBinaries.forTarget(13).major()).isEqualTo(14);
        assertThat(PostgresBinaries.forTarget(13).note())
                .contains("target runs PostgreSQL 13", "nearest bundled binaries are 14");
        assertThat(PostgresBinaries.forTarget(19).major()).isEqualTo(18);
    }

    @Test
    void aDryRunOnAPostgres15TargetRunsOn15WhereSetExpressionDoesNotExistYet() throws Exception {
        String migration = "ALTER TABLE public.prices ALTER COLUMN gross SET EXPRESSION AS (net * 2);\n";
        try (EmbeddedPostgresServer target = EmbeddedPostgresServer.start(15);
                Sandboxes sandboxes = Sandboxes.embedded()) {
            try (Connection c = target.connect("postgres");
                    Statement s = c.createStatement()) {
                s.execute(
                        "CREATE TABLE public.prices (net integer, gross integer GENERATED ALWAYS AS (net * 1) STORED)");
            }
            DryRun dryRun = new DryRun(
                    new JdbcEnvironments(List.of(new EnvironmentConfig(
                            "legacy",
                            target.jdbcUrl("postgres"),
                            "postgres",
                            new PasswordSource.Generated(target.password()),
                            Protection.PRODUCTION))),
                    sandboxes);
            DryRunReport report = dryRun.run(
                    "legacy", List.of(new MigrationUnit("V2__gross.sql", 1, migration, true, "flyway", "up")));
            assertThat(report.sandbox()).startsWith("embedded PostgreSQL 15.");
            assertThat(report.note()).doesNotContain("The target runs PostgreSQL");
            assertThat(report.verdict())
                    .as("SET EXPRESSION arrived in PostgreSQL 17")
                    .isEqualTo("failed");
            assertThat(report.statements().get(0).error().message()).contains("syntax error");
        }
    }
}
