package dev.schemaguard.tools.config;

import java.util.List;

/**
 * The {@code server:} section: where the HTTP transport listens, which Host / Origin headers it accepts besides
 * loopback names, the largest request body it reads, and ({@code public-url}) the address people open the approval
 * page at — its host is the passkeys' relying-party id (default: http://localhost:PORT).
 */
public record ServerSettings(
        String host,
        int port,
        List<String> allowedHosts,
        List<String> allowedOrigins,
        int maxRequestBytes,
        Auth auth,
        String publicUrl,
        List<java.nio.file.Path> fileRoots) {

    public ServerSettings(
            String host,
            int port,
            List<String> allowedHosts,
            List<String> allowedOrigins,
            int maxRequestBytes,
            Auth auth) {
        this(host, port, allowedHosts, allowedOrigins, maxRequestBytes, auth, null, List.of());
    }

    /**
     * Bearer-token authentication (the {@code server.auth} section): JWTs signed by {@code issuer}'s keys, published
     * at {@code jwksUri}. Null when the HTTP server has no authentication, which then only binds to loopback.
     *
     * @param audience when set, tokens must name it in {@code aud}
     * @param resource the public URL of the MCP endpoint, announced in the protected-resource metadata
     */
    public record Auth(String issuer, String jwksUri, String audience, String resource) {}

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    /**
     * {@code server.file-roots}: directories (besides {@code code.roots}) under which HTTP clients may name files in
     * {@code paths} and {@code roots}; files elsewhere on the server are not theirs to read.
     */
    public List<java.nio.file.Path> fileRoots() {
        return fileRoots == null ? List.of() : fileRoots;
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, List.of(), List.of(), DEFAULT_MAX_REQUEST_BYTES, null);
    }
}
