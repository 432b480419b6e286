package dev.schemaguard.tools.lint;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How much a finding matters; OFF disables a rule. Written in lower case, as users write it in schemaguard.yaml. */
public enum Severity {
    ERROR,
    WARNING,
    INFO,
    OFF;

    private final String label = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String label() {
        return label;
    }
}
