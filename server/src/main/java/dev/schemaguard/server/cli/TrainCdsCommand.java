package dev.schemaguard.server.cli;

import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.LintRequest;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.Linter;

import dev.schemaguard.server.mcp.ServerRuntime;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The launcher's training run for the class-data-sharing archive, which records the classes a run loads: lints a
 * sample migration (the CLI's most common one-shot use), then starts the stdio server without environments and exits
 * once it is up.
 */
@Command(name = "train-cds", hidden = true)
final class TrainCdsCommand extends ServerCommand implements Callable<Integer> {

    private static final String SAMPLE_MIGRATION = """
            SET lock_timeout = '5s';
            CREATE TABLE app.t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(20), at timestamp);
            CREATE INDEX t_name_idx ON app.t (name);
            ALTER TABLE app.orders ADD COLUMN c text NOT NULL DEFAULT gen_random_uuid()::text;
            ALTER TABLE app.orders ADD CONSTRAINT fk FOREIGN KEY (t_id) REFERENCES app.t (id);
            ALTER TABLE app.orders ALTER COLUMN note TYPE varchar(50);
            UPDATE app.orders SET c = 'x';
            DROP INDEX app.old_idx;
            DROP TABLE app.legacy CASCADE;
            DO $$ BEGIN EXECUTE 'TRUNCATE app.sessions'; END $$;
            CREATE OR REPLACE FUNCTION app.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
            GRANT SELECT ON app.t TO reporting;
            """;

    /** map_dependencies' code side: JavaParser, the summaries, and the on-disk cache written and read back. */
    private static void trainCodeIndex() {
        java.nio.file.Path work = null;
        try {
            work = java.nio.file.Files.createTempDirectory("schemaguard-train-");
            java.nio.file.Path code = java.nio.file.Files.createDirectories(work.resolve("code"));
            java.nio.file.Files.writeString(code.resolve("pom.xml"), "<project/>");
            java.nio.file.Files.writeString(code.resolve("Customer.java"), """
                    @Entity @Table(name = "customers") class Customer { @Id Long id; @Column(name = "email") String emailAddress; }
                    interface CustomerRepository extends JpaRepository<Customer, Long> {
                      List<Customer> findByEmailAddress(String e);
                      @Query(value = "SELECT id FROM customers WHERE email = :e", nativeQuery = true) List<Long> ids(String e);
                    }
                    class Queries { static final String Q = "SELECT email FROM customers"; void q(JdbcTemplate j) { j.queryForList(Q); } }
                    """);
            dev.schemaguard.tools.deps.code.CodeIndexCache cache = dev.schemaguard.tools.deps.code.CodeIndexCache.at(work.resolve("cache"));
            dev.schemaguard.tools.deps.code.CodeIndex.scan(List.of(code), cache);
            dev.schemaguard.tools.deps.code.CodeIndexCache.forgetInMemory();
            dev.schemaguard.tools.deps.code.CodeIndex.scan(List.of(code), cache)
                    .sitesFor(dev.schemaguard.tools.deps.DependencyTarget.parse("public.customers.email"));
        } catch (java.io.IOException e) {
            // training is best effort: the archive is then a little smaller
        } finally {
            if (work != null) {
                try (var files = java.nio.file.Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // a temp directory left behind
                }
            }
        }
    }

    /** {@code lint} as a person runs it, through picocli, in each output format (the CLI's own classes get archived). */
    private static void trainLintCommand() {
        java.nio.file.Path work = null;
        try {
            work = java.nio.file.Files.createTempDirectory("schemaguard-train-");
            java.nio.file.Path migration = java.nio.file.Files.writeString(work.resolve("V1__train.sql"), SAMPLE_MIGRATION);
            for (String format : List.of("text", "json", "sarif", "github")) {
                picocli.CommandLine cli = SchemaguardMain.commandLine("lint");
                cli.setOut(new CliOutput(java.io.OutputStream.nullOutputStream()));
                cli.setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()));
                cli.execute("lint", "--format", format, migration.toString());
            }
        } catch (java.io.IOException e) {
            // training is best effort: the archive is then a little smaller
        } finally {
            if (work != null) {
                try (var files = java.nio.file.Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // a temp directory left behind
                }
            }
        }
    }

    @Override
    public Integer call() {
        LintReport sample = new Linter(new JdbcEnvironments(List.of()), LintSettings.defaults())
                .lint(new LintRequest(SAMPLE_MIGRATION, null, null, null, null, null));
        LintJson.write(java.io.OutputStream.nullOutputStream(), sample);
        sample.toText();
        trainLintCommand();
        trainCodeIndex();
        SchemaguardConfig empty = SchemaguardConfig.of(List.of());
        startServer(new ServerRuntime(empty, new JdbcEnvironments(List.of()), List.of(), null, null),
                transport(empty.server()), true);
        return SchemaguardMain.OK;
    }
}
