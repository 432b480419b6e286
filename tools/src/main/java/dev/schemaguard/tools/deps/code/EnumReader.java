package dev.schemaguard.tools.deps.code;

import java.util.List;

/**
 * Code that decodes a column's values into a fixed set: an entity field mapped to a Java enum (by name, position or
 * PostgreSQL's named enum), a field read through an {@code AttributeConverter}, or a switch over the values.
 *
 * @param kind        jpa-enum, converter, enum-switch, string-switch, jooq-enum or jooq-switch
 * @param table       the column's table (bare, lower case); null for a string switch (matched by its labels)
 * @param javaEnum    the enum the values become; null for a string switch
 * @param known       the values it knows: the enum's constants, or the switch's labels
 * @param how         how it decodes, for the report: "@Enumerated(STRING)", "StatusConverter", "switch (order.getStatus())"
 * @param declaredAt  where the enum or converter is declared (file:line); null for a switch
 * @param whenUnknown what a value it does not know meets: throws, fallback (a default value), skipped (no case, no
 *                    default), handled (a default that does not throw), as-null (jOOQ reads it as null) or
 *                    null-switch (a switch whose selector jOOQ reads as null: NullPointerException)
 * @param jooqType    for jOOQ's readers (kind jooq-enum or jooq-switch), the PostgreSQL type they are generated from
 *                    (its bare name); null otherwise
 */
public record EnumReader(
        String service,
        String file,
        int line,
        Kind kind,
        String table,
        String column,
        String javaEnum,
        List<String> known,
        String how,
        String declaredAt,
        WhenUnknown whenUnknown,
        String jooqType) {

    /** An entity field mapped by the constant's position ({@code @Enumerated(ORDINAL)}, JPA's default). */
    public boolean ordinal() {
        return kind == Kind.JPA_ENUM && how.contains("@Enumerated(ORDINAL)");
    }

    public EnumReader(
            String service,
            String file,
            int line,
            Kind kind,
            String table,
            String column,
            String javaEnum,
            List<String> known,
            String how,
            String declaredAt,
            WhenUnknown whenUnknown) {
        this(service, file, line, kind, table, column, javaEnum, known, how, declaredAt, whenUnknown, null);
    }

    /** How the code decodes the values; the label is the code site's kind in reports. */
    public enum Kind {
        JPA_ENUM("enum-mapping"),
        CONVERTER("enum-converter"),
        ENUM_SWITCH("enum-switch"),
        STRING_SWITCH("enum-string-switch"),
        JSON_ENUM("enum-json"),
        JOOQ_ENUM("enum-jooq-enum"),
        JOOQ_SWITCH("enum-jooq-switch");

        private final String siteKind;

        Kind(String siteKind) {
            this.siteKind = siteKind;
        }

        public String siteKind() {
            return siteKind;
        }

        public boolean overSwitch() {
            return this == ENUM_SWITCH || this == STRING_SWITCH || this == JOOQ_SWITCH;
        }
    }

    /** What a value the code does not know meets. */
    public enum WhenUnknown {
        /** it throws: the enum's valueOf, a converter's or a default's throw, Jackson's failure */
        THROWS,
        /** it becomes a fallback value (a converter's default, Jackson's null or default value) */
        FALLBACK,
        /** a switch with no case and no default passes over it */
        SKIPPED,
        /** a switch's default that does not throw takes it */
        HANDLED,
        /** jOOQ reads it as null */
        AS_NULL,
        /** a switch over a jOOQ enum: the null jOOQ reads throws NullPointerException */
        NULL_SWITCH
    }
}
