package dev.schemaguard.tools.config;

/**
 * Where dry runs and rollback proofs make their disposable databases: the {@code sandbox} section of schemaguard.yaml.
 *
 * @param server null for the default, an embedded PostgreSQL; otherwise a server on which a scratch database is
 *               created and dropped per run (its user needs CREATEDB)
 */
public record SandboxSettings(Server server) {

    public record Server(String url, String user, PasswordSource password) {
    }

    public static SandboxSettings embedded() {
        return new SandboxSettings(null);
    }
}
