package dev.schemaguard.policies.policy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a policy says about a change, weakest first: the strictest decision of all rules that match wins. */
public enum Decision {
    ALLOW,
    APPROVE,
    FORBID;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Decision stricter(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public static Decision fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
