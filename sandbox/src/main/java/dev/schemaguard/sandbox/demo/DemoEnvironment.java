package dev.schemaguard.sandbox.demo;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.sandbox.EmbeddedPostgresServer;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The embedded demo: one embedded PostgreSQL holding the shop database twice, as {@code dev} (development) and
 * {@code prod} (production, with a little drift). Everything is removed when it is closed.
 */
public final class DemoEnvironment implements AutoCloseable {

    public static final String DEV = "dev";
    public static final String PROD = "prod";
    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

    private final EmbeddedPostgresServer server;

    private DemoEnvironment(EmbeddedPostgresServer server) {
        this.server = server;
    }

    public static DemoEnvironment start() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try {
            long started = System.nanoTime();
            load(server, "shop_dev", false);
            load(server, "shop_prod", true);
            LOG.info("demo databases shop_dev and shop_prod loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            return new DemoEnvironment(server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void load(EmbeddedPostgresServer server, String database, boolean production) {
        server.createDatabase(database);
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            // Each file goes in one round trip (the simple query protocol runs them as one implicit transaction).
            s.execute(DemoDatabase.schemaSql());
            s.execute(DemoDatabase.dataSql());
            if (production) {
                s.execute(DemoDatabase.prodDriftSql());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the demo database " + database + " could not be loaded: " + e.getMessage(), e);
        }
    }

    public List<EnvironmentConfig> environments() {
        return List.of(
                new EnvironmentConfig(DEV, server.jdbcUrl("shop_dev"), "postgres", new PasswordSource.Generated(server.password()), Protection.DEVELOPMENT),
                new EnvironmentConfig(PROD, server.jdbcUrl("shop_prod"), "postgres", new PasswordSource.Generated(server.password()), Protection.PRODUCTION));
    }

    public EmbeddedPostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
