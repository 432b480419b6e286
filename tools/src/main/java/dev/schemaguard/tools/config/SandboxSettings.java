package dev.schemaguard.tools.config;

/**
 * Where dry runs and rollback proofs make their disposable databases: the {@code sandbox} section of schemaguard.yaml.
 *
 * @param server           a server on which a scratch database is created and dropped per run (its user needs
 *                         CREATEDB); null otherwise
 * @param containerImage   with {@code provider: testcontainers}, the PostgreSQL image to run — without a tag, the
 *                         target's major version is the tag ({@code postgres} → {@code postgres:16}); null otherwise
 * Both null: the default, an embedded PostgreSQL.
 */
public record SandboxSettings(Server server, String containerImage) {

    public record Server(String url, String user, PasswordSource password) {
    }

    public static SandboxSettings embedded() {
        return new SandboxSettings(null, null);
    }
}
