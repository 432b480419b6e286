package dev.schemaguard.policies.query;

import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.FileAuditLog;
import dev.schemaguard.policies.policy.PolicyLoader;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("database")
class RunQueryTest {

    static TestDatabase db;
    static final Identity AGENT = new Identity("dev", Set.of(), "mcp");

    @TempDir
    Path state;

    @BeforeAll
    static void database() {
        db = TestPostgres.createDatabase("run_query");
        db.execute("""
                CREATE TABLE items (id int PRIMARY KEY, name text);
                INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 50) g;
                CREATE TABLE log (at timestamptz DEFAULT now());
                CREATE FUNCTION sneaky() RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log DEFAULT VALUES; RETURN 1; END $$;
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rq_reader') THEN CREATE ROLE rq_reader LOGIN; END IF;
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rq_writer') THEN CREATE ROLE rq_writer LOGIN; END IF;
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rq_files') THEN CREATE ROLE rq_files LOGIN IN ROLE pg_read_server_files; END IF;
                END $$;
                GRANT SELECT ON items, log TO rq_reader, rq_files;
                GRANT SELECT, INSERT ON items TO rq_writer;""");
    }

    static final String PRODUCTION_READS =
            "schemaguard-policy: 1\nenvironments:\n  - match: {protection: [production]}\n    run-query: allow\n";

    RunQuery runQueryAs(String reader) {
        EnvironmentConfig prod = db.environment("prod", Protection.PRODUCTION)
                .withReader(new EnvironmentConfig.Reader(reader, new PasswordSource.None()));
        return new RunQuery(
                new JdbcEnvironments(List.of(prod)),
                PolicySet.of(PolicyLoader.read(PRODUCTION_READS, "p.yaml")),
                new FileAuditLog(state, Clock.systemUTC()));
    }

    RunQuery runQuery(String policy) {
        JdbcEnvironments environments = new JdbcEnvironments(
                List.of(db.environment("dev", Protection.DEVELOPMENT), db.environment("prod", Protection.PRODUCTION)));
        PolicySet policies =
                policy == null ? PolicySet.builtIn("starter") : PolicySet.of(PolicyLoader.read(policy, "p.yaml"));
        return new RunQuery(environments, policies, new FileAuditLog(state, Clock.systemUTC()));
    }

    @Test
    void aSelectReturnsRowsUpToTheLimitAndIsAudited() {
        RunQuery.Result r = runQuery(null).run("dev", "SELECT id, name FROM items ORDER BY id", 10, AGENT);
        assertThat(r.columns()).containsExactly("id", "name");
        assertThat(r.rows()).hasSize(10);
        assertThat(r.rows().get(0)).containsExactly("1", "item 1");
        assertThat(r.truncated()).isTrue();
        assertThat(runQuery(null)
                        .run("dev", "SELECT count(*) FROM items", null, AGENT)
                        .truncated())
                .isFalse();
        assertThat(new FileAuditLog(state, Clock.systemUTC()).export())
                .anySatisfy(
                        l -> assertThat(l).contains("\"event\":\"query.run\"").contains("\"rows\":10"));
    }

    @Test
    void productionIsNotReadUnlessItsPolicySaysSo() {
        assertThatThrownBy(() -> runQuery(null).run("prod", "SELECT 1", null, AGENT))
                .hasMessageContaining("does not allow run_query");
        RunQuery allowed = runQueryAs("rq_reader");
        assertThat(allowed.run("prod", "SELECT 1 AS one", null, AGENT).rows()).containsExactly(List.of("1"));
    }

    @Test
    void onProductionItRunsOnlyAsAReaderOfItsOwnAndSaysHowToMakeOne() {
        assertThatThrownBy(() -> runQuery(PRODUCTION_READS).run("prod", "SELECT 1", null, AGENT))
                .hasMessageContaining("no reader is configured for 'prod'")
                .hasMessageContaining("schemaguard setup-reader --env prod");
    }

    @Test
    void aReaderThatCanDoMoreThanReadIsNotUsed() {
        assertThatThrownBy(() -> runQueryAs("rq_writer").run("prod", "SELECT count(*) FROM items", null, AGENT))
                .hasMessageContaining("can do more than read")
                .hasMessageContaining("may write to public.items");
        assertThatThrownBy(() -> runQueryAs("rq_files").run("prod", "SELECT count(*) FROM items", null, AGENT))
                .hasMessageContaining("is a member of pg_read_server_files");
        assertThatThrownBy(() -> runQueryAs("postgres").run("prod", "SELECT 1", null, AGENT))
                .hasMessageContaining("is a superuser")
                .hasMessageContaining("the environment's own user postgres");
    }

    /** Spelled so the text check lets them through (U& escapes), so that only the role's rights stand in the way. */
    @Test
    void secretsHostFilesAndOtherBackendsAreOutOfReachByPrivilegeNotByWords() throws Exception {
        RunQuery asReader = runQueryAs("rq_reader");
        assertThatThrownBy(() -> asReader.run("prod", "SELECT U&\"pg\\005fread_file\"('/etc/passwd')", null, AGENT))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asReader.run("prod", "SELECT rolpassword FROM U&\"pg\\005fauthid\"", null, AGENT))
                .hasMessageContaining("permission denied");
        try (Connection migrationSession = db.connect();
                Statement s = migrationSession.createStatement()) {
            s.execute("SET application_name = 'migration-session'");
            assertThatThrownBy(() -> asReader.run(
                            "prod",
                            "SELECT U&\"pg\\005fterminate_backend\"(pid) FROM U&\"pg\\005fstat_activity\" "
                                    + "WHERE application_name = 'migration-session'",
                            null,
                            AGENT))
                    .hasMessageContaining("permission denied");
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).as("the other session is alive").isTrue();
            }
        }
    }

    @Test
    void twoStatementsNeverRunWhateverTheLexerThinks() {
        RunQuery asReader = runQueryAs("rq_reader");
        assertThatThrownBy(() -> asReader.run(
                        "prod", "SELECT 1 --\r; COMMIT; BEGIN READ WRITE; INSERT INTO log DEFAULT VALUES", null, AGENT))
                .isNotNull();
        assertThat(runQuery(null)
                        .run("dev", "SELECT count(*) FROM log", null, AGENT)
                        .rows())
                .containsExactly(List.of("0"));
    }

    @Test
    void aFunctionThatWritesFailsInTheReadOnlyTransaction() {
        assertThatThrownBy(() -> runQuery(null).run("dev", "SELECT sneaky()", null, AGENT))
                .hasMessageContaining("read-only transaction");
        assertThat(runQuery(null)
                        .run("dev", "SELECT count(*) FROM log", null, AGENT)
                        .rows())
                .containsExactly(List.of("0"));
    }

    @Test
    void somethingOtherThanAReadIsRefusedBeforeItReachesTheDatabase() {
        assertThatThrownBy(() -> runQuery(null).run("dev", "DELETE FROM items", null, AGENT))
                .hasMessageContaining("apply_migration");
        assertThatThrownBy(() -> runQuery(null).run("dev", "SELECT 1", 5000, AGENT))
                .hasMessageContaining("max_rows must be between 1 and 1000");
        assertThat(runQuery(null)
                        .run("dev", "SELECT count(*) FROM items", null, AGENT)
                        .rows())
                .containsExactly(List.of("50"));
        assertThat(new FileAuditLog(state, Clock.systemUTC()).export())
                .anySatisfy(l -> assertThat(l).contains("query.refused"));
    }
}
