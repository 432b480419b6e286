package dev.schemaguard.tools.config;

import java.util.List;

/**
 * The {@code server:} section: where the HTTP transport listens and which Host / Origin headers it accepts besides
 * loopback names.
 */
public record ServerSettings(String host, int port, List<String> allowedHosts, List<String> allowedOrigins) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, List.of(), List.of());
    }
}
