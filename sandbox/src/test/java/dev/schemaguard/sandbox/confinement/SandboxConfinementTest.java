package dev.schemaguard.sandbox.confinement;

import dev.schemaguard.sandbox.EmbeddedPostgresServer;
import dev.schemaguard.sandbox.Sandbox;
import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.sandbox.check.CheckReport;
import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.sandbox.fixtures.TargetDatabases;
import dev.schemaguard.sandbox.rollback.RoundTrip;
import dev.schemaguard.sandbox.rollback.RoundTripReport;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox is no door to the host: an agent's migration runs in it as the target's migration role — never a
 * superuser, never a member of the roles that reach files and programs — and the sandbox server takes no connection
 * without a password. Judged by effect: files that must not appear, a secret that must not come back in any reply,
 * roles that must not change; through dry_run, generate_rollback and check_migration alike.
 */
@Tag("database")
class SandboxConfinementTest {

    @TempDir
    static Path work;

    private static Path secret;
    private static String secretText;
    private static TargetDatabases targets;
    private static Sandboxes sandboxes;

    @BeforeAll
    static void start() throws IOException {
        secretText = "sg-secret-" + UUID.randomUUID();
        secret = Files.writeString(work.resolve("secret.txt"), secretText + "\n");
        targets = new TargetDatabases()
                .load("confined", "CREATE EXTENSION dblink; CREATE TABLE public.notes (id int PRIMARY KEY, body text)");
        sandboxes = Sandboxes.embedded();
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        targets.close();
    }

    /** Each attack: its SQL, with {marker} for a file it would create and {secret} for the file it would read. */
    static List<String> attacks(Path marker) {
        String m = marker.toString();
        String s = secret.toString();
        return List.of(
                "COPY (SELECT 1) TO PROGRAM 'touch " + m + "-program';",
                "COPY (SELECT 'x') TO '" + m + "-file';",
                "SELECT pg_read_file('" + s + "')::int;",
                "SELECT convert_from(pg_read_binary_file('" + s + "'), 'UTF8')::int;",
                "SELECT lo_import('" + s + "');",
                "CREATE TABLE public.stolen (line text); COPY public.stolen FROM '" + s
                        + "'; SELECT line::int FROM public.stolen;",
                "DO $$BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch " + m + "-do'''; END$$;",
                "CREATE FUNCTION public.sneak() RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM "
                        + "''touch " + m + "-function'''; END$$; SELECT public.sneak();",
                "CREATE FUNCTION public.shell() RETURNS int LANGUAGE c AS '/bin/sh', 'main';",
                "ALTER SYSTEM SET log_min_messages = 'debug5';",
                "SET ROLE " + EmbeddedPostgresServer.SANDBOX_ADMIN + ";",
                "SELECT dblink_connect('host=127.0.0.1 dbname=postgres user=" + EmbeddedPostgresServer.SANDBOX_ADMIN
                        + "');",
                "GRANT pg_execute_server_program TO CURRENT_USER;",
                "ALTER ROLE CURRENT_USER SUPERUSER;");
    }

    @Test
    void aDryRunReadsNoFileRunsNoProgramAndWritesNoFile() throws Exception {
        Path marker = work.resolve("dry-run");
        DryRun dryRun = new DryRun(targets.environments(), sandboxes);
        for (String attack : attacks(marker)) {
            DryRunReport report = dryRun.run("confined", List.of(unit(attack)));
            assertThat(report.verdict()).as(attack + "\n" + report.toText()).isEqualTo("failed");
            assertThat(report.toText() + json(report)).as(attack).doesNotContain(secretText);
        }
        assertNoMarkers(marker);
    }

    @Test
    void aRollbackProofAndACheckDoNoneOfItEither() throws Exception {
        Path marker = work.resolve("proofs");
        RoundTrip roundTrip = new RoundTrip(targets.environments(), sandboxes);
        CheckMigration check = new CheckMigration(targets.environments(), LintSettings.defaults(), sandboxes);
        for (String attack : attacks(marker)) {
            RoundTripReport proof = roundTrip.run("confined", List.of(unit(attack)));
            assertThat(proof.verdict()).as(attack + "\n" + proof.toText()).isEqualTo("failed");
            assertThat(proof.toText() + json(proof)).as(attack).doesNotContain(secretText);
            CheckReport report = check.check("confined", List.of(unit(attack)));
            assertThat(report.verdict()).as(attack).isEqualTo("blocked");
            assertThat(json(report)).as(attack).doesNotContain(secretText);
        }
        assertNoMarkers(marker);
    }

    @Test
    void theSandboxServerTakesNoConnectionWithoutItsPasswordAndGainsNoSuperuser() throws Exception {
        TargetSchema target = TargetSchema.read(targets.environments(), "confined");
        try (Sandbox sandbox = sandboxes.create(target, null);
                Connection migration = sandbox.connectForMigration()) {
            String url = migration.getMetaData().getURL();
            for (String user : List.of(
                    EmbeddedPostgresServer.SANDBOX_ADMIN,
                    "postgres",
                    migration.getMetaData().getUserName())) {
                assertThatThrownBy(
                                () -> DriverManager.getConnection(url, user, "").close())
                        .as(user)
                        .isInstanceOf(SQLException.class);
            }
            try (Statement s = migration.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user), "
                                    + "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user), "
                                    + "pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER'), pg_has_role(current_user, 'pg_read_server_files', 'MEMBER'), "
                                    + "pg_has_role(current_user, 'pg_write_server_files', 'MEMBER'), pg_has_role(current_user, 'pg_signal_backend', 'MEMBER')")) {
                rs.next();
                assertThat(rs.getString(1)).as("the target's migration role").isEqualTo("postgres");
                for (int i = 2; i <= 7; i++) {
                    assertThat(rs.getBoolean(i)).as("column " + i).isFalse();
                }
            }
            try (Connection admin = sandbox.connect();
                    Statement s = admin.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE rolsuper")) {
                rs.next();
                assertThat(rs.getString(1).split(","))
                        .as("the sandbox server's superusers")
                        .containsExactly(EmbeddedPostgresServer.SANDBOX_ADMIN);
            }
        }
    }

    private static void assertNoMarkers(Path marker) throws IOException {
        try (var files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(marker.getFileName().toString())))
                    .as("files the agent's SQL made on the host")
                    .isEmpty();
        }
    }

    private static String json(Object report) {
        return new tools.jackson.databind.json.JsonMapper().writeValueAsString(report);
    }

    private static MigrationUnit unit(String sql) {
        return new MigrationUnit("attack.sql", 1, sql, true, "plain", "up");
    }
}
