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

/** Keys are the target's data: whatever characters they hold, the sample keeps parent and child rows together. */
@Tag("database")
class DataSampleTest {

    @Test
    void keysWithQuotesBracesAndBackslashesStillFindTheirRows() throws Exception {
        try (EmbeddedPostgresServer target = EmbeddedPostgresServer.start();
                Sandboxes sandboxes = Sandboxes.embedded()) {
            try (Connection c = target.connect("postgres");
                    Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE public.codes (code text PRIMARY KEY);
                        CREATE TABLE public.uses (id int PRIMARY KEY, code text NOT NULL REFERENCES public.codes (code));
                        INSERT INTO public.codes SELECT 'filler ' || g FROM generate_series(1, 50) g;
                        INSERT INTO public.codes VALUES ($$it's "quoted", {braced} \\ back$$), ($$'); DROP TABLE public.uses; --$$);
                        INSERT INTO public.uses VALUES (1, $$it's "quoted", {braced} \\ back$$), (2, $$'); DROP TABLE public.uses; --$$);
                        """);
            }
            DryRun dryRun = new DryRun(
                    new JdbcEnvironments(List.of(new EnvironmentConfig(
                            "odd",
                            target.jdbcUrl("postgres"),
                            "postgres",
                            new PasswordSource.Generated(target.password()),
                            Protection.PRODUCTION))),
                    sandboxes);
            DryRunReport report = dryRun.run(
                    "odd",
                    List.of(new MigrationUnit("V2__check.sql", 1, """
                    DO $$ BEGIN
                      IF (SELECT count(*) FROM public.uses) <> 2 THEN RAISE EXCEPTION 'child rows missing'; END IF;
                      IF EXISTS (SELECT 1 FROM public.uses u WHERE NOT EXISTS (SELECT 1 FROM public.codes c WHERE c.code = u.code))
                        THEN RAISE EXCEPTION 'a child without its parent'; END IF;
                    END $$;
                    """, true, "flyway", "up")),
                    2,
                    dev.schemaguard.tools.ProgressListener.NONE);
            assertThat(report.verdict()).as(report.toText()).isEqualTo("ok");
            try (Connection c = target.connect("postgres");
                    Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM public.uses")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the target's rows are untouched").isEqualTo(2);
            }
        }
    }
}
