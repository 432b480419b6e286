package dev.schemaguard.sandbox.confinement;

import dev.schemaguard.sandbox.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL itself is confined: even its superuser — what an agent would hold after escaping
 * PostgreSQL's privilege checks — reads no file of the host outside the server's own binaries and data, runs programs
 * only as {@code nobody} inside that view, writes nothing the host sees, and finds none of the server's environment.
 * Judged by effect: what the server returns, and files on the host after the attempt.
 */
@Tag("database")
class HostConfinementTest {

    @TempDir
    static Path host;

    private static Path secret;
    private static String secretText;
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void start() throws Exception {
        secretText = "sg-host-secret-" + UUID.randomUUID();
        secret = Files.writeString(host.resolve("secret.txt"), secretText + "\n");
        server = EmbeddedPostgresServer.start();
        boolean confined = single("SELECT count(*) FROM pg_ls_dir('/') AS d WHERE d IN ('root', 'home', 'var')")
                .equals("0");
        if (!confined && "required".equals(System.getenv("SCHEMAGUARD_POSTGRES_CONFINEMENT"))) {
            throw new IllegalStateException(
                    "confinement is required here (SCHEMAGUARD_POSTGRES_CONFINEMENT=required), yet the server is not confined");
        }
        Assumptions.assumeTrue(
                confined, "skipped: bubblewrap is not installed here, so the embedded PostgreSQL runs unconfined");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSuperuserSeesOnlyTheSystemsLibrariesItsBinariesAndItsData() throws Exception {
        assertThat(rows("SELECT d FROM pg_ls_dir('/') AS d ORDER BY d"))
                .isSubsetOf("bin", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "tmp", "usr");
        assertThat(rows("SELECT d FROM pg_ls_dir('/etc') AS d ORDER BY d"))
                .isSubsetOf("group", "ld.so.cache", "localtime", "nsswitch.conf", "passwd");
        for (Path hidden :
                List.of(secret, Path.of("pom.xml").toAbsolutePath(), Path.of(System.getProperty("user.home"), ".m2"))) {
            assertThatThrownBy(() -> single("SELECT pg_read_file('" + hidden + "')"))
                    .as(hidden.toString())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("No such file");
        }
    }

    @Test
    void aProgramItRunsIsNobodyWithoutTheServersEnvironmentAndWritesNothingTheHostSees() throws Exception {
        execute("CREATE TABLE IF NOT EXISTS said (line text)");
        execute("TRUNCATE said");
        execute("COPY said FROM PROGRAM 'id -u'");
        assertThat(rows("SELECT line FROM said")).containsExactly("65534");

        execute("TRUNCATE said");
        execute("COPY said FROM PROGRAM 'env'");
        List<String> names = rows("SELECT split_part(line, '=', 1) FROM said ORDER BY 1");
        assertThat(names)
                .allSatisfy(name -> assertThat(name).matches("LANG|LC_[A-Z]+|PATH|PWD|SHLVL|OLDPWD|_|PG[A-Z_]*"));

        execute("TRUNCATE said");
        execute("COPY said FROM PROGRAM 'cat " + secret + " 2>&1 || true'");
        assertThat(String.join("\n", rows("SELECT line FROM said"))).doesNotContain(secretText);

        Path marker = host.resolve("written-by-postgres");
        try {
            execute("COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'");
        } catch (SQLException refused) {
            // the directory does not exist where the program runs: either way, nothing may appear on the host
        }
        try {
            execute("COPY (SELECT 'x') TO '" + marker + "-copy'");
        } catch (SQLException refused) {
            // as above
        }
        try (var files = Files.list(host)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.txt");
        }
    }

    /** bubblewrap's --die-with-parent follows the thread that started it: the demo starts its server from one that ends. */
    @Test
    void aServerStartedFromAThreadThatEndsOutlivesIt() throws Exception {
        EmbeddedPostgresServer[] started = new EmbeddedPostgresServer[1];
        Thread starter = new Thread(() -> started[0] = EmbeddedPostgresServer.start());
        starter.start();
        starter.join();
        try {
            Thread.sleep(500);
            try (Connection c = started[0].connect("postgres");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        } finally {
            started[0].close();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String single(String sql) throws SQLException {
        List<String> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
