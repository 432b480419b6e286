package dev.schemaguard.tools.config;

import java.util.Objects;

/**
 * One named database environment from {@code schemaguard.yaml}. The password itself is never stored here:
 * {@link PasswordSource} says where to read it when a connection is opened.
 *
 * @param reader the separate, read-only login {@code run_query} uses there; null when none is configured
 * @param drift  what the environment's schema is checked against: its migrations, and the environment it is proven on
 */
public record EnvironmentConfig(
        String name,
        String url,
        String user,
        PasswordSource password,
        Protection protection,
        Reader reader,
        Drift drift) {

    public EnvironmentConfig(
            String name, String url, String user, PasswordSource password, Protection protection, Reader reader) {
        this(name, url, user, password, protection, reader, Drift.NONE);
    }

    /**
     * @param migrations   the migration files or directories that made it (absolute), for its migration history; empty: none
     * @param historyTable the history table to read where its tool was configured with another name; null: the tool's own
     * @param provenOn     the environment a migration is proven on before it comes here (production on staging); null: none
     */
    public record Drift(java.util.List<String> migrations, String historyTable, String provenOn) {

        public static final Drift NONE = new Drift(java.util.List.of(), null, null);

        public Drift {
            migrations = java.util.List.copyOf(migrations);
        }
    }

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(protection, "protection");
        drift = drift == null ? Drift.NONE : drift;
    }

    public EnvironmentConfig(String name, String url, String user, PasswordSource password, Protection protection) {
        this(name, url, user, password, protection, null);
    }

    /** A login with read rights only, checked before each use (no superuser, no server-file or signal roles, no writes). */
    public record Reader(String user, PasswordSource password) {
        public Reader {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    public EnvironmentConfig withReader(Reader newReader) {
        return new EnvironmentConfig(name, url, user, password, protection, newReader, drift);
    }
}
