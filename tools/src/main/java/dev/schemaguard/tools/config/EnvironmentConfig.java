package dev.schemaguard.tools.config;

import java.util.Objects;

/**
 * One named database environment from {@code schemaguard.yaml}. The password itself is never stored here:
 * {@link PasswordSource} says where to read it when a connection is opened.
 *
 * @param reader the separate, read-only login {@code run_query} uses there; null when none is configured
 */
public record EnvironmentConfig(String name, String url, String user, PasswordSource password, Protection protection, Reader reader) {

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(protection, "protection");
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
        return new EnvironmentConfig(name, url, user, password, protection, newReader);
    }
}
