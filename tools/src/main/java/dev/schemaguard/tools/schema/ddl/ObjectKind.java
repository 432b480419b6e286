package dev.schemaguard.tools.schema.ddl;

/**
 * The kinds of object a schema script holds. The order of the constants is the tie-breaker of the dependency sort
 * (as pg_dump's object type priorities are): where no dependency decides, roles come first and privileges last.
 */
public enum ObjectKind {
    ROLE("role"),
    SCHEMA("schema"),
    EXTENSION("extension"),
    COLLATION("collation"),
    TYPE("type"),
    DOMAIN("domain"),
    FUNCTION("function"),
    AGGREGATE("aggregate"),
    OPERATOR("operator"),
    OPERATOR_FAMILY("operator-family"),
    OPERATOR_CLASS("operator-class"),
    CAST("cast"),
    TEXT_SEARCH_DICTIONARY("text-search-dictionary"),
    TEXT_SEARCH_CONFIGURATION("text-search-configuration"),
    FOREIGN_DATA_WRAPPER("foreign-data-wrapper"),
    SERVER("server"),
    SEQUENCE("sequence"),
    TABLE("table"),
    FOREIGN_TABLE("foreign-table"),
    VIEW("view"),
    CONSTRAINT("constraint"),
    INDEX("index"),
    MATERIALIZED_VIEW("matview"),
    REPLICA_IDENTITY("replica-identity"),
    FOREIGN_KEY("fk"),
    RULE("rule"),
    TRIGGER("trigger"),
    ROW_SECURITY("rls"),
    POLICY("policy"),
    PUBLICATION("publication"),
    STATISTICS("statistics"),
    COMMENT("comment"),
    OWNER("owner"),
    /** After the sequence's owner is set: a sequence linked to a column can only change owner with its table. */
    SEQUENCE_OWNED_BY("owned-by"),
    PRIVILEGE("privilege"),
    DEFAULT_PRIVILEGES("default-privileges"),
    EVENT_TRIGGER("event-trigger"),
    /** Post-data: a materialized view that was populated on the target is refreshed after the sample rows are in. */
    REFRESH("refresh"),
    /** A statement given as text (tests, older callers): no identity beyond its text. */
    OTHER("other");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    /** The word used in object keys ({@code table:public.film}) and reports. */
    public String label() {
        return label;
    }

    /** Kinds whose objects live in or on a table: constraints, indexes, triggers, rules, policies. */
    public boolean belongsToTable() {
        return switch (this) {
            case CONSTRAINT, FOREIGN_KEY, INDEX, TRIGGER, RULE, POLICY, ROW_SECURITY, REPLICA_IDENTITY, STATISTICS ->
                true;
            default -> false;
        };
    }

    /**
     * Kinds written after every other object whatever their dependencies: event triggers (so that building the copy
     * does not fire them), default privileges (so that objects made before them do not get them) and refreshes.
     */
    public boolean last() {
        return this == EVENT_TRIGGER || this == DEFAULT_PRIVILEGES || this == REFRESH;
    }

    /** Kinds that describe another object rather than being one (their key names the object they describe). */
    public boolean describesAnother() {
        return this == COMMENT || this == OWNER || this == PRIVILEGE || this == SEQUENCE_OWNED_BY || this == REFRESH;
    }
}
