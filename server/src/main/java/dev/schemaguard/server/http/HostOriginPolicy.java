package dev.schemaguard.server.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@code Host} and {@code Origin} headers the HTTP server answers. A web page the developer visits can reach a
 * server on localhost through DNS rebinding (its own host name resolving to 127.0.0.1); checking that the request was
 * addressed to a loopback name, or to a name the configuration lists, closes that door.
 */
public final class HostOriginPolicy {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    public HostOriginPolicy(List<String> allowedHosts, List<String> allowedOrigins) {
        this.allowedHosts =
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.allowedOrigins =
                allowedOrigins.stream().map(HostOriginPolicy::normalizeOrigin).collect(Collectors.toUnmodifiableSet());
    }

    /** A Host header ({@code name} or {@code name:port}) is accepted if its name is loopback or listed (with or without port). */
    public boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String value = host.strip().toLowerCase(Locale.ROOT);
        String name = hostName(value);
        return LOOPBACK_NAMES.contains(name) || allowedHosts.contains(value) || allowedHosts.contains(name);
    }

    /** No Origin (not a browser) is fine; a present one must be a loopback origin or listed. "null" never is. */
    public boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        String normalized = normalizeOrigin(origin);
        if (allowedOrigins.contains(normalized)) {
            return true;
        }
        try {
            URI uri = URI.create(normalized);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            return ("http".equals(scheme) || "https".equals(scheme))
                    && host != null
                    && LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    private static String normalizeOrigin(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
