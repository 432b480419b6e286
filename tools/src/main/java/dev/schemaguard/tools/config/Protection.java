package dev.schemaguard.tools.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How carefully an environment must be treated; guarded tools decide by it. Ordered from least to most protected. */
public enum Protection {
    SANDBOX,
    DEVELOPMENT,
    STAGING,
    PRODUCTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config value; {@code null} when unknown so the caller can report where it was written. */
    public static Protection fromId(String value) {
        for (Protection p : values()) {
            if (p.id().equals(value)) {
                return p;
            }
        }
        return null;
    }

    public static String allowedIds() {
        return Arrays.stream(values()).map(Protection::id).collect(Collectors.joining(", "));
    }
}
