package dev.schemaguard.tools.config;

import java.util.Objects;

/**
 * One named database environment from {@code schemaguard.yaml}. The password itself is never stored here:
 * {@link PasswordSource} says where to read it when a connection is opened.
 */
public record EnvironmentConfig(String name, String url, String user, PasswordSource password, Protection protection) {

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(protection, "protection");
    }
}
