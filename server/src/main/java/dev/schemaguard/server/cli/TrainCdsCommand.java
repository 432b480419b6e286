package dev.schemaguard.server.cli;

import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.deps.code.CodeIndex;
import dev.schemaguard.tools.deps.code.CodeIndexCache;
import dev.schemaguard.tools.deps.code.DependencyTarget;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.LintRequest;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.run.Linter;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
    private static void trainCodeIndex(Path work) throws IOException {
        Path code = Files.createDirectories(work.resolve("code"));
        Files.writeString(code.resolve("pom.xml"), "<project/>");
        Files.writeString(code.resolve("Customer.java"), """
                @Entity @Table(name = "customers") class Customer { @Id Long id; @Column(name = "email") String emailAddress; }
                interface CustomerRepository extends JpaRepository<Customer, Long> {
                  List<Customer> findByEmailAddress(String e);
                  @Query(value = "SELECT id FROM customers WHERE email = :e", nativeQuery = true) List<Long> ids(String e);
                }
                class Queries { static final String Q = "SELECT email FROM customers"; void q(JdbcTemplate j) { j.queryForList(Q); } }
                """);
        CodeIndexCache cache = CodeIndexCache.at(work.resolve("cache"));
        CodeIndex.scan(List.of(code), cache);
        CodeIndexCache.forgetInMemory();
        CodeIndex.scan(List.of(code), cache).sitesFor(DependencyTarget.parse("public.customers.email"));
    }

    /** {@code lint} as a person runs it, through picocli, in each output format (the CLI's own classes get archived). */
    private static void trainLintCommand(Path work) throws IOException {
        Path migration = Files.writeString(work.resolve("V1__train.sql"), SAMPLE_MIGRATION);
        for (String format : List.of("text", "json", "sarif", "github")) {
            picocli.CommandLine cli = SchemaguardMain.commandLine("lint");
            cli.setOut(new CliOutput(OutputStream.nullOutputStream()));
            cli.setErr(new PrintWriter(Writer.nullWriter()));
            cli.execute("lint", "--format", format, migration.toString());
        }
    }

    private interface Training {
        void run(Path work) throws IOException;
    }

    /** Training is best effort (a failure only makes the archive smaller); each part gets a scratch directory. */
    private static void inScratchDirectory(Training training) {
        Path work = null;
        try {
            work = Files.createTempDirectory("schemaguard-train-");
            training.run(work);
        } catch (IOException e) {
            // the archive is then a little smaller
        } finally {
            if (work != null) {
                try (var files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temp directory left behind
                }
            }
        }
    }

    @Override
    public Integer call() {
        // the MCP tool's way in (SQL text); the CLI's way (files, every output format) follows
        new Linter(new JdbcEnvironments(List.of()), LintSettings.defaults())
                .lint(new LintRequest(SAMPLE_MIGRATION, null, null, null, null, null));
        inScratchDirectory(TrainCdsCommand::trainLintCommand);
        inScratchDirectory(TrainCdsCommand::trainCodeIndex);
        SchemaguardConfig empty = SchemaguardConfig.of(List.of());
        startServer(
                new ServerRuntime(empty, new JdbcEnvironments(List.of()), List.of(), null, null),
                transport(empty.server()),
                true);
        return SchemaguardMain.OK;
    }
}
