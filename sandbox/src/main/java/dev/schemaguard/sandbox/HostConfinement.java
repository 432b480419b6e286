package dev.schemaguard.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the embedded PostgreSQL's processes are kept from the host: with bubblewrap, each runs in its own user, mount,
 * PID, IPC and UTS namespaces as user 65534 ({@code nobody}) with no capabilities, and sees only the system's
 * read-only {@code /usr} (libraries), its own binaries and its own working directory. The server's configuration,
 * password files, approvals, audit log, code and home directory do not exist there, so SQL that escaped PostgreSQL's
 * privilege checks (a superuser's {@code COPY … TO PROGRAM}, {@code pg_read_file}) still reaches none of them. It
 * shares the host's network, as the server connects over loopback TCP.
 *
 * <p>{@code SCHEMAGUARD_POSTGRES_CONFINEMENT} (or {@code -Dschemaguard.postgres.confinement}) chooses: {@code auto}
 * (the default) confines where bubblewrap works and warns where it does not, {@code required} refuses to start an
 * embedded PostgreSQL unconfined, {@code off} never confines. Whatever the mode, the processes get a cleared
 * environment: the server's variables (passwords among them) are not passed on.
 */
final class HostConfinement {

    private static final Logger LOG = LoggerFactory.getLogger(HostConfinement.class);
    static final String SETTING = "SCHEMAGUARD_POSTGRES_CONFINEMENT";
    static final String PROPERTY = "schemaguard.postgres.confinement";
    /** {@code nobody}: the user the confined server runs as, whoever the server is. */
    static final int CONFINED_UID = 65534;

    enum Mode {
        AUTO,
        REQUIRED,
        OFF
    }

    private static volatile HostConfinement forThisHost;

    private final Path bubblewrap;
    private final String unconfinedBecause;

    private HostConfinement(Path bubblewrap, String unconfinedBecause) {
        this.bubblewrap = bubblewrap;
        this.unconfinedBecause = unconfinedBecause;
    }

    /** The confinement this machine gives, tried once per process; fails when {@code required} cannot be met. */
    static HostConfinement forThisHost() {
        HostConfinement known = forThisHost;
        if (known == null) {
            synchronized (HostConfinement.class) {
                if (forThisHost == null) {
                    forThisHost = detect(mode());
                }
                known = forThisHost;
            }
        }
        if (!known.confined() && mode() == Mode.REQUIRED) {
            throw new IllegalStateException("the embedded PostgreSQL must run confined (" + SETTING + "=required), but "
                    + known.unconfinedBecause
                    + ". Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) and allow "
                    + "unprivileged user namespaces, or set " + SETTING + "=auto to run it unconfined");
        }
        return known;
    }

    static Mode mode() {
        String value = System.getProperty(PROPERTY, System.getenv(SETTING));
        if (value == null || value.isBlank()) {
            return Mode.AUTO;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + " is '" + value + "'; it must be auto, required or off");
        }
    }

    private static HostConfinement detect(Mode mode) {
        if (mode == Mode.OFF) {
            return new HostConfinement(null, SETTING + " is off");
        }
        Path bwrap = onPath("bwrap");
        if (bwrap == null) {
            return unconfined("bubblewrap (bwrap) is not installed");
        }
        HostConfinement candidate = new HostConfinement(bwrap, null);
        try {
            Path probe = Files.createTempDirectory("schemaguard-confinement-");
            try {
                Process p = new ProcessBuilder(candidate.wrap(List.of("/usr/bin/id", "-u"), probe, probe))
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes()).trim();
                if (!p.waitFor(10, TimeUnit.SECONDS)
                        || p.exitValue() != 0
                        || !out.equals(String.valueOf(CONFINED_UID))) {
                    return unconfined("bubblewrap cannot make the namespaces here ("
                            + out.lines().findFirst().orElse("exit " + p.exitValue()) + ")");
                }
            } finally {
                EmbeddedPostgresServer.deleteRecursively(probe);
            }
        } catch (IOException e) {
            return unconfined("bubblewrap could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unconfined("interrupted while trying bubblewrap");
        }
        return candidate;
    }

    private static HostConfinement unconfined(String because) {
        LOG.warn(
                "the embedded PostgreSQL runs unconfined, as this server's OS user: {}. SQL that escaped PostgreSQL's "
                        + "privilege checks could read what this user can read (docs/threat-model.md); install bubblewrap to confine it",
                because);
        return new HostConfinement(null, because);
    }

    boolean confined() {
        return bubblewrap != null;
    }

    /** For the start-up line: how the server's processes are confined, or why they are not. */
    String description() {
        return confined()
                ? "confined by bubblewrap as uid " + CONFINED_UID + ", seeing only its binaries and data"
                : "not confined: " + unconfinedBecause;
    }

    /** A process builder for {@code command}, run confined when this host allows it, with a cleared environment. */
    ProcessBuilder processBuilder(List<String> command, Path installation, Path work) {
        ProcessBuilder builder = new ProcessBuilder(wrap(command, installation, work));
        Map<String, String> environment = builder.environment();
        Map<String, String> kept = kept(System.getenv());
        environment.clear();
        environment.putAll(kept);
        return builder;
    }

    /**
     * Starts {@code builder}'s process from one thread that lives as long as the JVM: bubblewrap's
     * {@code --die-with-parent} ends the process when the thread that started it ends (PR_SET_PDEATHSIG follows the
     * thread, not the process), and a server started from a short-lived thread would die with it.
     */
    static Process start(ProcessBuilder builder) throws IOException {
        try {
            return SPAWNER.submit(builder::start).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(
                    "interrupted while starting " + builder.command().get(0), e);
        }
    }

    private static final java.util.concurrent.ExecutorService SPAWNER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "schemaguard-postgres-spawner");
                thread.setDaemon(true);
                return thread;
            });

    /** The locale and the path: all the server's environment that PostgreSQL gets. */
    private static Map<String, String> kept(Map<String, String> environment) {
        java.util.TreeMap<String, String> kept = new java.util.TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.equals("LANG") || name.startsWith("LC_")) {
                kept.put(name, value);
            }
        });
        kept.put("PATH", "/usr/bin:/bin");
        return kept;
    }

    List<String> wrap(List<String> command, Path installation, Path work) {
        if (!confined()) {
            return runningAsRoot() ? withoutRoot(command) : command;
        }
        List<String> args = new ArrayList<>(List.of(
                bubblewrap.toString(),
                "--unshare-all",
                "--share-net",
                "--die-with-parent",
                "--new-session",
                "--unshare-user",
                "--uid",
                String.valueOf(CONFINED_UID),
                "--gid",
                String.valueOf(CONFINED_UID),
                "--cap-drop",
                "ALL",
                "--ro-bind",
                "/usr",
                "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path path = Path.of(top);
            if (Files.isSymbolicLink(path)) {
                try {
                    args.addAll(
                            List.of("--symlink", Files.readSymbolicLink(path).toString(), top));
                } catch (IOException e) {
                    // an unreadable link is left out: the confined process simply does not see it
                }
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                args.addAll(List.of("--ro-bind", top, top));
            }
        }
        for (String file :
                List.of("/etc/passwd", "/etc/group", "/etc/ld.so.cache", "/etc/localtime", "/etc/nsswitch.conf")) {
            args.addAll(List.of("--ro-bind-try", file, file));
        }
        args.addAll(List.of(
                "--dev",
                "/dev",
                "--proc",
                "/proc",
                "--tmpfs",
                "/tmp",
                "--ro-bind",
                installation.toString(),
                installation.toString(),
                "--bind",
                work.toString(),
                work.toString(),
                "--chdir",
                work.toString(),
                "--"));
        args.addAll(command);
        return args;
    }

    /** initdb and postgres refuse root: unconfined, a root server runs them in a user namespace of their own. */
    private static List<String> withoutRoot(List<String> command) {
        List<String> args = new ArrayList<>(List.of("unshare", "--user"));
        args.addAll(command);
        return args;
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path + ":/usr/bin:/bin").split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
