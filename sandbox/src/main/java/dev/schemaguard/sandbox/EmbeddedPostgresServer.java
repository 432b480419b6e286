package dev.schemaguard.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PostgreSQL server started from the binaries shipped as a Maven artifact: no installation, no Docker. It is created
 * with a random superuser password (no trust authentication at any moment), listens on loopback only with its socket in
 * a private directory, runs confined where the host allows it ({@link HostConfinement}), and its files are removed when
 * it is closed — also when the JVM is stopped by SIGTERM, through the shutdown hook.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path workDirectory;
    private final String admin;
    private final String password;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedPostgresServer(Process process, int port, Path workDirectory, String admin, String password) {
        this.process = process;
        this.port = port;
        this.workDirectory = workDirectory;
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
        return start(binaries, "postgres");
    }

    /**
     * A server for sandboxes: its only superuser is {@value #SANDBOX_ADMIN}, and there is no role {@code postgres}, so
     * that a target's role named {@code postgres} is an ordinary role in the copy, like every other.
     */
    static EmbeddedPostgresServer startForSandboxes(PostgresBinaries.Choice binaries) {
        return start(binaries, SANDBOX_ADMIN);
    }

    /** The superuser of a sandbox server. */
    public static final String SANDBOX_ADMIN = "sg_sandbox_admin";

    private static EmbeddedPostgresServer start(PostgresBinaries.Choice binaries, String admin) {
        long started = System.nanoTime();
        Path installation = PostgresInstallation.of(binaries);
        HostConfinement confinement = HostConfinement.forThisHost();
        Path work = null;
        try {
            work = Files.createTempDirectory("schemaguard-pg-"); // owner-only, as initdb wants its parent private
            String password = randomPassword();
            initdb(confinement, installation, work, admin, password);
            Files.createDirectory(work.resolve("socket"));
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                Process process = HostConfinement.start(confinement
                        .processBuilder(postgresCommand(installation, work, port), installation, work)
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("postgres.log").toFile()));
                try {
                    awaitReady(process, port, admin, password, work);
                } catch (PortTaken taken) {
                    if (attempt < 3) {
                        continue;
                    }
                    throw new IOException(taken.getMessage());
                }
                LOG.info(
                        "embedded PostgreSQL started on port {} in {} ms ({}; data directory {})",
                        port,
                        (System.nanoTime() - started) / 1_000_000,
                        confinement.description(),
                        work);
                return new EmbeddedPostgresServer(process, port, work, admin, password);
            }
        } catch (IOException e) {
            if (work != null) {
                deleteRecursively(work);
            }
            throw new UncheckedIOException("embedded PostgreSQL could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteRecursively(work);
            throw new IllegalStateException("interrupted while the embedded PostgreSQL started", e);
        }
    }

    /** A cluster whose superuser has a password from its first moment: no connection is ever trusted. */
    private static void initdb(HostConfinement confinement, Path installation, Path work, String admin, String password)
            throws IOException, InterruptedException {
        Path passwordFile = work.resolve("superuser.password");
        Files.writeString(passwordFile, password + "\n");
        Path log = work.resolve("initdb.log");
        try {
            Process initdb = HostConfinement.start(confinement
                    .processBuilder(
                            List.of(
                                    installation.resolve("bin/initdb").toString(),
                                    "-D",
                                    work.resolve("data").toString(),
                                    "-U",
                                    admin,
                                    "--pwfile=" + passwordFile,
                                    "-A",
                                    "scram-sha-256",
                                    "-E",
                                    "UTF-8",
                                    "--no-sync"),
                            installation,
                            work)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile()));
            if (!initdb.waitFor(START_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                initdb.destroyForcibly();
                throw new IOException("initdb did not finish in " + START_WAIT.toSeconds() + " s");
            }
            if (initdb.exitValue() != 0) {
                throw new IOException("initdb failed (exit " + initdb.exitValue() + "): " + tail(log));
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static List<String> postgresCommand(Path installation, Path work, int port) {
        List<String> command = new ArrayList<>(List.of(
                installation.resolve("bin/postgres").toString(),
                "-D",
                work.resolve("data").toString(),
                "-p",
                String.valueOf(port),
                "-k",
                work.resolve("socket").toString()));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "off");
        settings.put("max_connections", "100");
        settings.put("timezone", "UTC");
        settings.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        return command;
    }

    /** Thrown when another process took the port between choosing it and the server binding it. */
    private static final class PortTaken extends Exception {
        PortTaken(String message) {
            super(message);
        }
    }

    private static void awaitReady(Process process, int port, String admin, String password, Path work)
            throws IOException, InterruptedException, PortTaken {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        while (true) {
            if (!process.isAlive()) {
                String log = tail(work.resolve("postgres.log"));
                if (log.contains("could not bind") || log.contains("could not create any TCP/IP sockets")) {
                    throw new PortTaken("port " + port + " was taken: " + log);
                }
                throw new IOException("the server stopped at start (exit " + process.exitValue() + "): " + log);
            }
            try (Connection ignored = DriverManager.getConnection(url, admin, password)) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("the server did not accept connections in " + START_WAIT.toSeconds() + " s: "
                            + notYet.getMessage() + "; " + tail(work.resolve("postgres.log")));
                }
                Thread.sleep(20);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))
                    .strip();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
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
        return port;
    }

    /** The server's working directory (its data, socket and log), removed on close. */
    public Path dataDirectory() {
        return workDirectory;
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
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
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
        shutDown();
        deleteRecursively(workDirectory);
        LOG.info("embedded PostgreSQL stopped; data directory {} removed", workDirectory);
    }

    /**
     * Ends the sessions still open, then asks the postmaster to stop (SIGTERM, a smart shutdown, which has nothing left
     * to wait for); what has not stopped in {@link #STOP_WAIT} is killed. The files are removed anyway.
     */
    private void shutDown() {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
        } catch (SQLException e) {
            LOG.debug("sessions not ended before the stop: {}", e.getMessage());
        }
        postmaster().ifPresent(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("embedded PostgreSQL did not stop in {} s: killed", STOP_WAIT.toSeconds());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The postmaster: the process started, or, when confined, the first {@code postgres} under bubblewrap's processes. */
    private java.util.Optional<ProcessHandle> postmaster() {
        if (isPostgres(process.toHandle())) {
            return java.util.Optional.of(process.toHandle());
        }
        return process.descendants()
                .filter(EmbeddedPostgresServer::isPostgres)
                .filter(p -> p.parent().map(parent -> !isPostgres(parent)).orElse(true))
                .findFirst();
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false);
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
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
