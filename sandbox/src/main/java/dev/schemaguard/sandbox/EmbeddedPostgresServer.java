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
    /** The superuser's name and password, made at start: the server takes no connection without one (no trust authentication). */
    private final String admin;
    private final String password;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String admin, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.admin = admin;
        this.password = password;
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
        return start(binaries, false);
    }

    /**
     * A server for sandboxes: its superuser is {@value #SANDBOX_ADMIN}, and initdb's {@code postgres} is renamed and
     * cannot log in, so that a target's role named {@code postgres} is an ordinary role in the copy, like every other.
     */
    static EmbeddedPostgresServer startForSandboxes(PostgresBinaries.Choice binaries) {
        return start(binaries, true);
    }

    /** The superuser of a sandbox server. */
    public static final String SANDBOX_ADMIN = "sg_sandbox_admin";

    private static EmbeddedPostgresServer start(PostgresBinaries.Choice binaries, boolean forSandboxes) {
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
            String admin = forSandboxes ? SANDBOX_ADMIN : "postgres";
            String password = requirePasswords(postgres, dataDirectory, admin);
            LOG.info("embedded PostgreSQL started on port {} in {} ms (data directory {})", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDirectory);
            return new EmbeddedPostgresServer(postgres, dataDirectory, admin, password);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL could not start: " + e.getMessage(), e);
        }
    }

    /**
     * initdb leaves the server open to any local user (trust authentication): a random superuser password is set and
     * every connection, local or TCP, must give a password from now on.
     */
    private static String requirePasswords(EmbeddedPostgres postgres, Path dataDirectory, String admin) throws IOException {
        String password = randomPassword();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            if (admin.equals("postgres")) {
                s.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            } else {
                s.execute("CREATE ROLE " + admin + " SUPERUSER LOGIN PASSWORD '" + password + "'");
                try (Connection asAdmin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                        admin, password); Statement a = asAdmin.createStatement()) {
                    a.execute("ALTER ROLE postgres RENAME TO sg_initdb_superuser");
                    a.execute("ALTER ROLE sg_initdb_superuser NOLOGIN");
                }
            }
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    # written by schemaguard: no connection without a password
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not require passwords on the embedded server: " + e.getMessage(), e);
        }
        return password;
    }

    /** The superuser's password, for the environments of a server this process started (the demo's). */
    public String password() {
        return password;
    }

    /** The superuser's name: {@code postgres}, or {@value #SANDBOX_ADMIN} on a sandbox server. */
    public String admin() {
        return admin;
    }

    static String randomPassword() {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
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
        return DriverManager.getConnection(jdbcUrl(database), admin, password);
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
