package dev.schemaguard.tools.schema;

import java.util.Locale;

/** Kinds of schema object inspect_schema can list; the wire names are the lower-case names. */
public enum ObjectKind {
    TABLE,
    VIEW,
    MATERIALIZED_VIEW,
    SEQUENCE,
    ENUM,
    DOMAIN,
    FUNCTION,
    PROCEDURE,
    TRIGGER,
    INDEX;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
