package dev.schemaguard.tools.config;

/**
 * Where dry runs and rollback proofs make their disposable databases: the {@code sandbox} section of schemaguard.yaml.
 *
 * @param server           a server on which a scratch database is created and dropped per run (its user needs
 *                         CREATEDB); null otherwise
 * @param containerImage   with {@code provider: testcontainers}, the PostgreSQL image to run — without a tag, the
 *                         target's major version is the tag ({@code postgres} → {@code postgres:16}); null otherwise
 * @param masking          which columns data samples mask beyond (or keep despite) the built-in personal-looking names
 * Both null: the default, an embedded PostgreSQL.
 */
public record SandboxSettings(Server server, String containerImage, SampleMasking masking) {

    public SandboxSettings {
        masking = masking == null ? SampleMasking.BUILT_IN : masking;
    }

    public SandboxSettings(Server server, String containerImage) {
        this(server, containerImage, SampleMasking.BUILT_IN);
    }

    public record Server(String url, String user, PasswordSource password) {}

    public static SandboxSettings embedded() {
        return new SandboxSettings(null, null);
    }
}
