package dev.schemaguard.sandbox;

import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.SandboxSettings;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sandboxes as scratch databases on a server someone else runs: made there, used, and all dropped again. */
@Tag("database")
class ServerSandboxesTest {

    private static EmbeddedPostgresServer shared;

    @BeforeAll
    static void start() {
        shared = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stop() {
        shared.close();
    }

    private static List<String> databases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = shared.connect("postgres");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'sg\\_%' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void scratchDatabasesAreCreatedThereAndDroppedAfterwards() throws Exception {
        SandboxSettings.Server settings = new SandboxSettings.Server(
                shared.jdbcUrl("postgres"), "postgres", new PasswordSource.Generated(shared.password()));
        try (Sandboxes sandboxes = new Sandboxes(new ServerHost(settings, Map.of()))) {
            try (Sandbox sandbox =
                    sandboxes.create(SchemaScript.ofStatements(List.of("CREATE TABLE t (id bigint PRIMARY KEY)")))) {
                assertThat(sandbox.description()).startsWith("scratch databases on 127.0.0.1:");
                try (Connection c = sandbox.connect();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                assertThat(databases()).anySatisfy(d -> assertThat(d).contains("_template_"));
            }
        }
        assertThat(databases()).as("nothing left behind on the shared server").isEmpty();
    }

    @Test
    void aSchemaIsBuiltOnceIntoATemplateAndCopiedForEveryRun() throws Exception {
        SandboxSettings.Server settings = new SandboxSettings.Server(
                shared.jdbcUrl("postgres"), "postgres", new PasswordSource.Generated(shared.password()));
        SchemaScript one = SchemaScript.ofStatements(List.of("CREATE TABLE t (id bigint PRIMARY KEY)"));
        SchemaScript other = SchemaScript.ofStatements(List.of("CREATE TABLE u (id bigint PRIMARY KEY)"));
        try (Sandboxes sandboxes = new Sandboxes(new ServerHost(settings, Map.of()))) {
            sandboxes.create(one).close();
            sandboxes.create(one).close();
            assertThat(databases()).filteredOn(d -> d.contains("_template_")).hasSize(1);
            sandboxes.create(other).close();
            assertThat(databases()).filteredOn(d -> d.contains("_template_")).hasSize(2);
        }
    }
}
