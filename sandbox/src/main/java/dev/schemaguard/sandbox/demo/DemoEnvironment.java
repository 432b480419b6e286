package dev.schemaguard.sandbox.demo;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.sandbox.EmbeddedPostgresServer;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.ReaderSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The embedded demo: one embedded PostgreSQL holding the shop database twice, as {@code dev} (development) and
 * {@code prod} (production, with a little drift). Everything is removed when it is closed.
 */
public final class DemoEnvironment implements AutoCloseable {

    public static final String DEV = "dev";
    public static final String PROD = "prod";
    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

    /** The login run_query uses on both demo databases. */
    public static final String READER = "schemaguard_reader";

    private final EmbeddedPostgresServer server;
    private final String readerPassword;

    private DemoEnvironment(EmbeddedPostgresServer server, String readerPassword) {
        this.server = server;
        this.readerPassword = readerPassword;
    }

    public static DemoEnvironment start() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try {
            long started = System.nanoTime();
            load(server, "shop_dev", false);
            load(server, "shop_prod", true);
            String readerPassword = UUID.randomUUID().toString();
            addReader(server, readerPassword);
            LOG.info(
                    "demo databases shop_dev and shop_prod loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            return new DemoEnvironment(server, readerPassword);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void load(EmbeddedPostgresServer server, String database, boolean production) {
        server.createDatabase(database);
        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            // Each file goes in one round trip (the simple query protocol runs them as one implicit transaction).
            s.execute(DemoDatabase.schemaSql());
            s.execute(DemoDatabase.dataSql());
            if (production) {
                s.execute(DemoDatabase.prodDriftSql());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the demo database " + database + " could not be loaded: " + e.getMessage(), e);
        }
    }

    /** run_query's own login on both databases, as `schemaguard setup-reader` would make it: it can read and nothing else. */
    private static void addReader(EmbeddedPostgresServer server, String password) {
        try {
            try (Connection c = server.connect("shop_dev");
                    Statement s = c.createStatement()) {
                for (String sql : ReaderSetup.roleStatements(c, READER, password)) {
                    s.execute(sql);
                }
            }
            for (String database : List.of("shop_dev", "shop_prod")) {
                try (Connection c = server.connect(database);
                        Statement s = c.createStatement()) {
                    for (String sql : ReaderSetup.grantStatements(c, READER, "postgres")) {
                        s.execute(sql);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the demo's read-only login could not be made: " + e.getMessage(), e);
        }
    }

    public List<EnvironmentConfig> environments() {
        EnvironmentConfig.Reader reader =
                new EnvironmentConfig.Reader(READER, new PasswordSource.Generated(readerPassword));
        return List.of(
                new EnvironmentConfig(
                        DEV,
                        server.jdbcUrl("shop_dev"),
                        "postgres",
                        new PasswordSource.Generated(server.password()),
                        Protection.DEVELOPMENT,
                        reader),
                new EnvironmentConfig(
                        PROD,
                        server.jdbcUrl("shop_prod"),
                        "postgres",
                        new PasswordSource.Generated(server.password()),
                        Protection.PRODUCTION,
                        reader));
    }

    public EmbeddedPostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
