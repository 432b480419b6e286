package dev.schemaguard.tools.lint;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What kind of harm a rule guards against. */
public enum Category {
    LOCKING,
    REWRITE,
    DATA_LOSS,
    BACKWARD_INCOMPATIBLE,
    DATA_DEPENDENT,
    CORRECTNESS,
    SECURITY,
    CONVENTION;

    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    @JsonValue
    public String label() {
        return label;
    }
}
