package dev.schemaguard.server.cli;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** policy, apply, approvals and audit from the command line, against a real database, as the OS user running the tests. */
@Tag("database")
class GuardCliTest {

    @TempDir
    static Path dir;

    static TestDatabase db;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void database() {
        db = TestPostgres.createDatabase("guard_cli");
        db.execute("CREATE TABLE customers (id int PRIMARY KEY, email text); CREATE TABLE notes (id int, body text);"
                + "INSERT INTO notes VALUES (1, 'a'), (2, 'b');");
    }

    static Path config(String name, boolean selfApproval) throws IOException {
        Path policy = Files.writeString(dir.resolve(name + "-policy.yaml"), """
                schemaguard-policy: 1
                environments:
                  - match: {protection: [staging]}
                    changes: {ddl: approve}
                    approval: {count: 1, self-approval: %s}
                """.formatted(selfApproval));
        return Files.writeString(dir.resolve(name + ".yaml"), """
                environments:
                  shop:
                    url: %s
                    user: postgres
                    protection: staging
                guard:
                  policies: [%s]
                  state-dir: %s
                """.formatted(
                        db.url(), policy.getFileName(), dir.resolve(name + "-state")));
    }

    static String requestId(String out) {
        Matcher m = Pattern.compile("apr-[a-z2-9]{24}").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group();
    }

    @Test
    void setupReaderPrintsTheSqlOfALoginThatRunQueryThenAcceptsOnAProtectedEnvironment() throws IOException {
        TestDatabase readable = TestPostgres.createDatabase("setup_reader");
        readable.execute(
                "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int); INSERT INTO billing.invoices VALUES (1), (2);");
        Path policy = Files.writeString(
                dir.resolve("reads-policy.yaml"),
                "schemaguard-policy: 1\nenvironments:\n  - match: {protection: [staging]}\n    run-query: allow\n");
        String environment = """
                environments:
                  shop:
                    url: %s
                    user: postgres
                    protection: staging
                %s
                guard:
                  policies: [%s]
                  state-dir: %s
                """;
        Path without = Files.writeString(
                dir.resolve("no-reader.yaml"),
                environment.formatted(readable.url(), "", policy.getFileName(), dir.resolve("reader-state")));
        CliRun refused =
                run("query", "SELECT count(*) FROM billing.invoices", "--env", "shop", "--config", without.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("schemaguard setup-reader --env shop");

        CliRun setup = run("setup-reader", "--env", "shop", "--user", "billing_reader", "--config", without.toString());
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        readable.execute("DROP ROLE IF EXISTS billing_reader;\n"
                + setup.out()); // what the person runs (trust: no password needed here)
        Path with = Files.writeString(
                dir.resolve("reader.yaml"),
                environment.formatted(
                        readable.url(),
                        "    reader: {user: billing_reader}",
                        policy.getFileName(),
                        dir.resolve("reader-state")));
        CliRun read = run(
                "query",
                "SELECT count(*) AS invoices FROM billing.invoices",
                "--env",
                "shop",
                "--config",
                with.toString());
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).contains("invoices").contains("2");
        readable.execute("CREATE TABLE billing.later (id int); INSERT INTO billing.later VALUES (7);");
        assertThat(run("query", "SELECT id FROM billing.later", "--env", "shop", "--config", with.toString())
                        .out())
                .as("tables the migration user makes later are readable too")
                .contains("7");
    }

    @Test
    void policyCheckValidatesTheExamplesAndPointsAtTheLineOfAProblem() throws IOException {
        CliRun ok = run(
                "policy", "check", "../examples/policies/starter.yaml", "../examples/policies/strict-production.yaml");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("starter.yaml: ok (organisation").contains("together: ok");
        Path bad = Files.writeString(
                dir.resolve("bad.yaml"),
                "schemaguard-policy: 1\nenvironments:\n  - match: {names: [x]}\n    chanegs: {}\n");
        CliRun refused = run("policy", "check", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(refused.err()).contains("bad.yaml:4: 'environments[0].chanegs': unknown key");
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequestFromTheCliAndTheSqlIsShownAsItIs() throws IOException {
        Path config = config("strict", false);
        Path migration = Files.writeString(
                dir.resolve("m1.sql"), "-- \u001b[2K hidden?\nALTER TABLE customers ADD COLUMN a int;\n");
        CliRun explain = run("policy", "explain", migration.toString(), "--env", "shop", "--config", config.toString());
        assertThat(explain.out())
                .contains("Policy decision for 'shop': APPROVE")
                .contains("strict-policy.yaml:4 changes.ddl");
        CliRun pending = run("apply", migration.toString(), "--env", "shop", "--config", config.toString());
        assertThat(pending.exitCode()).as(pending.out() + pending.err()).isEqualTo(ApplyCommand.PENDING);
        String id = requestId(pending.out());
        CliRun self = run("approvals", "approve", id, "--config", config.toString());
        assertThat(self.exitCode()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(self.err()).contains("cannot approve or reject it");
        CliRun show = run("approvals", "show", id, "--config", config.toString());
        assertThat(show.out())
                .contains("\\x1b[2K hidden?")
                .doesNotContain("\u001b")
                .contains("   2 | ALTER TABLE customers ADD COLUMN a int;");
        assertThat(run("approvals", "list", "--config", config.toString()).out())
                .contains(id + "  pending  shop");
    }

    @Test
    void anApprovedMigrationAppliesOnTheSecondRunAndTheAuditChainIsIntact() throws IOException {
        Path config = config("solo", true);
        Path migration = Files.writeString(dir.resolve("m2.sql"), "ALTER TABLE customers ADD COLUMN b int;\n");
        String id = requestId(run("apply", migration.toString(), "--env", "shop", "--config", config.toString())
                .out());
        CliRun approve = run("approvals", "approve", id, "--comment", "ok", "--config", config.toString());
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("Approved.");
        CliRun applied = run("apply", migration.toString(), "--env", "shop", "--config", config.toString());
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).startsWith("APPLIED: 1 statement(s) applied to 'shop'");
        CliRun verify = run("audit", "verify", "--config", config.toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("intact");
        assertThat(run("audit", "export", "--config", config.toString()).out().lines())
                .anyMatch(l -> l.contains("\"event\":\"apply.finished\""));
    }

    @Test
    void rowsADestructiveStatementRemovedAreRestoredFromItsBackup() throws Exception {
        Path policy = Files.writeString(dir.resolve("backup-policy.yaml"), """
                schemaguard-policy: 1
                environments:
                  - match: {protection: [staging]}
                    otherwise: allow
                    backup-before-destructive: true
                """);
        Path config = Files.writeString(
                dir.resolve("backup.yaml"), """
                environments:
                  shop:
                    url: %s
                    user: postgres
                    protection: staging
                guard:
                  policies: [%s]
                  state-dir: %s
                """.formatted(db.url(), policy.getFileName(), dir.resolve("backup-state")));
        Path migration = Files.writeString(dir.resolve("m3.sql"), "DELETE FROM notes WHERE id = 2;\n");
        CliRun deleted = run("apply", migration.toString(), "--env", "shop", "--config", config.toString());
        assertThat(deleted.exitCode()).as(deleted.out() + deleted.err()).isZero();
        assertThat(deleted.out()).contains("backups:").contains("copy of public.notes before statement 1");
        Matcher history = Pattern.compile("history ([0-9a-f-]{36})").matcher(deleted.out());
        assertThat(history.find()).isTrue();
        CliRun sql = run("restore", history.group(1), "--env", "shop", "--print-sql", "--config", config.toString());
        assertThat(sql.out())
                .contains("DELETE FROM \"public\".\"notes\";")
                .contains("INSERT INTO \"public\".\"notes\" (\"id\", \"body\")");
        CliRun restored = run("restore", history.group(1), "--env", "shop", "--config", config.toString());
        assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
        try (var c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT string_agg(body, ',' ORDER BY id) FROM notes")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("a,b");
        }
    }
}
