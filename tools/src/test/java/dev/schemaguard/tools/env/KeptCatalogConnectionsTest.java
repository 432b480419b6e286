package dev.schemaguard.tools.env;

import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server keeps the connection of a catalog read for the next read of the same environment (its backend's catalog
 * caches stay warm), yet each read still starts a fresh read-only transaction, a dead backend is never lent, and an
 * unused connection is closed. Judged by the backends PostgreSQL reports, not by what the class says of itself.
 */
@Tag("database")
class KeptCatalogConnectionsTest {

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestPostgres.createDatabase("kept_connections");
    }

    private static JdbcEnvironments environments() {
        return new JdbcEnvironments(List.of(db.environment("prod", Protection.PRODUCTION)));
    }

    private static long backend(Connection c) throws SQLException {
        return single(c, "SELECT pg_backend_pid()");
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long backendsOfSchemaguard() throws SQLException {
        try (Connection c = db.connect()) {
            return single(
                    c,
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'schemaguard' AND datname = '"
                            + db.name() + "'");
        }
    }

    @Test
    void aServerReadsTheCatalogAgainOnTheBackendThatReadItBefore() throws SQLException {
        try (JdbcEnvironments kept = environments().keepingCatalogConnections(Duration.ofMinutes(1));
                JdbcEnvironments oneShot = environments()) {
            assertThat(kept.readCatalog("prod", KeptCatalogConnectionsTest::backend))
                    .isEqualTo(kept.readCatalog("prod", KeptCatalogConnectionsTest::backend));
            assertThat(oneShot.readCatalog("prod", KeptCatalogConnectionsTest::backend))
                    .isNotEqualTo(oneShot.readCatalog("prod", KeptCatalogConnectionsTest::backend));
        }
    }

    @Test
    void eachReadIsAFreshReadOnlyTransactionWithNothingLeftOfTheLast() throws SQLException {
        try (JdbcEnvironments kept = environments().keepingCatalogConnections(Duration.ofMinutes(1))) {
            kept.readCatalog("prod", c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL search_path = ''");
                }
                return null;
            });
            db.execute("CREATE TABLE made_between_reads (id int)");
            long firstBackend = kept.readCatalog("prod", KeptCatalogConnectionsTest::backend);
            kept.readCatalog("prod", c -> {
                assertThat(backend(c)).isEqualTo(firstBackend);
                assertThat(single(c, "SELECT count(*) FROM pg_class WHERE relname = 'made_between_reads'"))
                        .as("a new snapshot sees what was committed since the last read")
                        .isEqualTo(1);
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SHOW search_path")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("\"$user\", public");
                }
                return null;
            });
            assertThatThrownBy(() -> kept.readCatalog("prod", c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("CREATE TABLE written_on_a_kept_connection (id int)");
                        }
                        return null;
                    }))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only transaction");
            try (Connection c = db.connect()) {
                assertThat(single(c, "SELECT count(*) FROM pg_class WHERE relname = 'written_on_a_kept_connection'"))
                        .isZero();
            }
            assertThat(kept.keptConnections("prod"))
                    .as("a connection whose read failed is closed, not kept")
                    .isZero();
        }
    }

    @Test
    void aKeptConnectionWhoseBackendDiedIsNotLent() throws SQLException {
        try (JdbcEnvironments kept = environments().keepingCatalogConnections(Duration.ofMinutes(1))) {
            long first = kept.readCatalog("prod", KeptCatalogConnectionsTest::backend);
            try (Connection c = db.connect()) {
                assertThat(single(c, "SELECT pg_terminate_backend(" + first + ", 5000)::int"))
                        .isEqualTo(1);
            }
            long second = kept.readCatalog("prod", KeptCatalogConnectionsTest::backend);
            assertThat(second).isNotEqualTo(first);
        }
    }

    @Test
    void anUnusedConnectionIsClosedAfterItsIdleTimeAndAllAreClosedWithTheEnvironments() throws Exception {
        long before = backendsOfSchemaguard();
        try (JdbcEnvironments kept = environments().keepingCatalogConnections(Duration.ofMillis(300))) {
            kept.readCatalog("prod", KeptCatalogConnectionsTest::backend);
            assertThat(backendsOfSchemaguard()).isEqualTo(before + 1);
            assertThat(backendsWithin(Duration.ofSeconds(10), before)).isEqualTo(before);
        }
        try (JdbcEnvironments kept = environments().keepingCatalogConnections(Duration.ofMinutes(1))) {
            kept.readCatalog("prod", KeptCatalogConnectionsTest::backend);
            assertThat(backendsOfSchemaguard()).isEqualTo(before + 1);
        }
        assertThat(backendsWithin(Duration.ofSeconds(10), before)).isEqualTo(before);
    }

    @Test
    void aReadThatEndsAfterTheEnvironmentsClosedKeepsNothing() throws Exception {
        long before = backendsOfSchemaguard();
        JdbcEnvironments kept = environments().keepingCatalogConnections(Duration.ofMinutes(1));
        kept.close(); // as a server stops its databases while a background read still runs
        assertThat(kept.readCatalog("prod", KeptCatalogConnectionsTest::backend))
                .isPositive();
        assertThat(kept.keptConnections("prod")).isZero();
        assertThat(backendsWithin(Duration.ofSeconds(10), before))
                .as("a smart shutdown would wait for a connection left open")
                .isEqualTo(before);
    }

    /** The count of schemaguard's backends once it has fallen to {@code expected}, or after {@code wait}. */
    private static long backendsWithin(Duration wait, long expected) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        long now = backendsOfSchemaguard();
        while (now > expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = backendsOfSchemaguard();
        }
        return now;
    }
}
