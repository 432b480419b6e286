package dev.schemaguard.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PostgreSQL server started from the binaries shipped as a Maven artifact: no installation, no Docker. It listens
 * on loopback only, trusts local connections, and its data directory is removed when it is closed — also when the JVM
 * is stopped by SIGTERM, through the shutdown hook.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.shutdownHook = new Thread(this::stop, "schemaguard-embedded-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server of the default major version on a free loopback port with a fresh data directory. */
    public static EmbeddedPostgresServer start() {
        return start(PostgresBinaries.forTarget(PostgresBinaries.DEFAULT_MAJOR));
    }

    /** Starts a server of PostgreSQL {@code major}, or the nearest bundled major. */
    public static EmbeddedPostgresServer start(int major) {
        return start(PostgresBinaries.forTarget(major));
    }

    static EmbeddedPostgresServer start(PostgresBinaries.Choice binaries) {
        long started = System.nanoTime();
        try {
            Path dataDirectory = Files.createTempDirectory("schemaguard-pg-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(binaries.resolver())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false) // ours stops the server and removes the directory in one place
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
            LOG.info("embedded PostgreSQL started on port {} in {} ms (data directory {})", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDirectory);
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL could not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A superuser connection to {@code database}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Creates an empty database; names are checked, never quoted from untrusted text. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        deleteRecursively(dataDirectory);
        LOG.info("embedded PostgreSQL stopped; data directory {} removed", dataDirectory);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not remove {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", root, e.getMessage());
        }
    }
}
