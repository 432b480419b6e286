package dev.schemaguard.sandbox.bench;

import dev.schemaguard.sandbox.EmbeddedPostgresServer;
import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationUnit;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Dry run of a 5-statement migration against a generated schema of TABLES tables: the first run in the process
 * (cold: sandbox server start, template build) and the following ones (warm: template clone). Prints the numbers.
 * Run with {@code bench/dry-run.sh [TABLES] [RUNS] [dry-run|check]}; {@code check} times the whole check_migration
 * instead (lint, dry run with its data sample and effects, rollback proof, impact): what the guarded apply runs first
 * on staging and production.
 */
public final class DryRunBenchmark {

    private static final String MIGRATION = """
            ALTER TABLE app.t_0001 ADD COLUMN channel text;
            CREATE INDEX t_0001_channel_idx ON app.t_0001 (channel);
            ALTER TABLE app.t_0002 ALTER COLUMN c_3 TYPE varchar(200);
            ALTER TABLE app.t_0003 ADD CONSTRAINT t_0003_c1_positive CHECK (c_1 > 0) NOT VALID;
            UPDATE app.t_0004 SET c_2 = 'x' WHERE c_1 = 1;
            """;

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean check = args.length > 2 && args[2].equals("check");
        try (EmbeddedPostgresServer target = EmbeddedPostgresServer.start();
                Sandboxes sandboxes = Sandboxes.embedded()) {
            target.createDatabase("bench");
            try (Connection c = target.connect("bench");
                    Statement s = c.createStatement()) {
                StringBuilder ddl = new StringBuilder("CREATE SCHEMA app;");
                for (int i = 1; i <= tables; i++) {
                    String t = String.format("app.t_%04d", i);
                    ddl.append("CREATE TABLE ")
                            .append(t)
                            .append(
                                    " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, c_1 integer NOT NULL DEFAULT 0, ")
                            .append("c_2 text, c_3 varchar(100), c_4 timestamptz NOT NULL DEFAULT now(), c_5 bigint")
                            .append(i > 1 ? String.format(" REFERENCES app.t_%04d (id)", i - 1) : "")
                            .append(");")
                            .append("CREATE INDEX ON ")
                            .append(t)
                            .append(" (c_1);")
                            .append("COMMENT ON TABLE ")
                            .append(t)
                            .append(" IS 'table ")
                            .append(i)
                            .append("';");
                }
                s.execute(ddl.toString());
            }
            JdbcEnvironments environments = new JdbcEnvironments(List.of(new EnvironmentConfig(
                    "bench",
                    target.jdbcUrl("bench"),
                    "postgres",
                    new PasswordSource.Generated(target.password()),
                    Protection.STAGING)));
            DryRun dryRun = new DryRun(environments, sandboxes);
            CheckMigration checkMigration = new CheckMigration(environments, LintSettings.defaults(), sandboxes);
            List<MigrationUnit> migration =
                    List.of(new MigrationUnit("V2__bench.sql", 1, MIGRATION, true, "flyway", "up"));
            long start = System.nanoTime();
            DryRunReport cold =
                    check ? checkMigration.check("bench", migration).dryRun() : dryRun.run("bench", migration);
            long coldMs = (System.nanoTime() - start) / 1_000_000;
            if (!cold.verdict().equals("ok") || !cold.cloneDifferences().isEmpty()) {
                throw new IllegalStateException("the benchmark's dry run did not succeed:\n" + cold.toText());
            }
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Thread.sleep(1500); // an agent's next call comes seconds later: the spare copy is ready by then
                start = System.nanoTime();
                if (check) {
                    checkMigration.check("bench", migration);
                } else {
                    dryRun.run("bench", migration);
                }
                warm.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(warm);
            System.out.printf(
                    "%s, 5 statements, %d tables: cold %d ms (sandbox server start + template build)%n",
                    check ? "check_migration" : "dry run", tables, coldMs);
            System.out.printf(
                    "warm over %d runs: min %d ms, median %d ms, max %d ms%n",
                    runs, warm.get(0), warm.get(warm.size() / 2), warm.get(warm.size() - 1));
        }
    }
}
