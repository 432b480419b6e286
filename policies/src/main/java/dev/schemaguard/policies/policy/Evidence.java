package dev.schemaguard.policies.policy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What must be shown (by a check_migration run) before an approval can be asked for. */
public enum Evidence {
    /** Lint against the environment's schema without errors. */
    LINT_CLEAN,
    /** Every statement ran on a disposable copy of the environment. */
    DRY_RUN_PASSED,
    /** The rollback restored the schema (verified or verified-with-data-loss). */
    ROLLBACK_VERIFIED,
    /**
     * The environment the migration is proven on (its proven-on) has the objects the migration touches as this one
     * does; required without a proven-on configured, it is missing (never assumed).
     */
    NO_DRIFT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Evidence fromId(String id) {
        return Arrays.stream(values())
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Evidence::id).toList();
    }
}
