package dev.schemaguard.tools.schema.ddl;

/** How to take an object of a schema script away again: its DROP, or the statement that undoes a setting. */
final class Drops {

    private Drops() {}

    /** The statement that removes the object, or null where there is none (an owner, a role). */
    static String of(SchemaObject o) {
        String statement = o.statements().get(0);
        return switch (o.kind()) {
            case CONSTRAINT, FOREIGN_KEY -> "ALTER TABLE " + o.table() + " DROP CONSTRAINT " + ownName(o);
            case ROW_SECURITY ->
                "ALTER TABLE " + o.table()
                        + (statement.endsWith(" ENABLE ROW LEVEL SECURITY") ? " DISABLE" : " NO FORCE")
                        + " ROW LEVEL SECURITY";
            case REPLICA_IDENTITY -> "ALTER TABLE ONLY " + o.table() + " REPLICA IDENTITY DEFAULT";
            case SEQUENCE_OWNED_BY -> "ALTER SEQUENCE " + o.name() + " OWNED BY NONE";
            case COMMENT -> "COMMENT ON " + o.name() + " IS NULL";
            case PRIVILEGE ->
                statement.startsWith("GRANT ")
                        ? statement
                                .replaceFirst("^GRANT ", "REVOKE ")
                                .replaceFirst(" TO (\\S+)( WITH GRANT OPTION)?$", " FROM $1")
                        : statement.replaceFirst("^REVOKE ", "GRANT ").replaceFirst(" FROM (\\S+)$", " TO $1");
            case DEFAULT_PRIVILEGES ->
                statement.contains(" GRANT ")
                        ? statement
                                .replaceFirst(" GRANT ", " REVOKE ")
                                .replaceFirst(" TO (\\S+)( WITH GRANT OPTION)?$", " FROM $1")
                        : statement.replaceFirst(" REVOKE ", " GRANT ").replaceFirst(" FROM (\\S+)$", " TO $1");
            case REFRESH -> "REFRESH MATERIALIZED VIEW " + o.name() + " WITH NO DATA";
            case OWNER, ROLE, OTHER -> null;
            default -> o.sqlName() == null ? null : "DROP " + o.sqlName();
        };
    }

    /** A constraint's, trigger's or policy's own name: its key names the table too. */
    static String ownName(SchemaObject o) {
        return o.table() != null && o.name().startsWith(o.table() + ".")
                ? o.name().substring(o.table().length() + 1)
                : o.name();
    }
}
