package dev.schemaguard.tools.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code guard} section: which policy files decide what apply_migration may do, and where approvals, the audit
 * log and the apply history are kept.
 *
 * @param policies policy files, in precedence order as written (each file also says its level); empty: the built-in
 *                 starter policy
 * @param stateDir where approval requests and the audit log live; null: {@code $XDG_STATE_HOME/schemaguard} or
 *                 {@code ~/.local/state/schemaguard}
 * @param store    where approvals and the audit log are kept when not in files (null: files in {@code stateDir})
 * @param builtIn  the policy shipped in the jar that applies when {@code policies} is empty: "starter", or "demo" for
 *                 the embedded demo (which lets one person request and approve)
 */
public record GuardSettings(List<Path> policies, Path stateDir, String builtIn, Store store) {

    /**
     * A PostgreSQL database for approvals and the audit log, shared by several server replicas (instead of files in
     * the state directory).
     */
    public record Store(String url, String user, PasswordSource password) {}

    public GuardSettings(List<Path> policies, Path stateDir, String builtIn) {
        this(policies, stateDir, builtIn, null);
    }

    public GuardSettings {
        policies = List.copyOf(policies);
    }

    public static GuardSettings defaults() {
        return new GuardSettings(List.of(), null, "starter");
    }

    /** The embedded demo's settings: its own policy, state kept apart from real environments' approvals. */
    public static GuardSettings demo(Path stateDir) {
        return new GuardSettings(List.of(), stateDir, "demo");
    }

    /** The state directory to use: the configured one, else the user's XDG state directory. */
    public Path resolvedStateDir() {
        return stateDir != null ? stateDir : defaultStateDir();
    }

    /** {@code $XDG_STATE_HOME/schemaguard}, else {@code ~/.local/state/schemaguard}. */
    public static Path defaultStateDir() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("schemaguard");
    }
}
