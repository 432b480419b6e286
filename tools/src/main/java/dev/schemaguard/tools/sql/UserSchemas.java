package dev.schemaguard.tools.sql;

/**
 * Which schemas are the user's, said once for every catalog query: not PostgreSQL's own ({@code pg_catalog},
 * {@code information_schema}), not TOAST ({@code pg_toast}, {@code pg_toast_temp_N}) and not another session's
 * temporary schema ({@code pg_temp_N}). The patterns escape {@code _}, which LIKE would otherwise take for any
 * character.
 */
public final class UserSchemas {

    /** The condition on {@code n.nspname}, for queries that join pg_namespace as {@code n}. */
    public static final String FILTER = filter("n");

    private UserSchemas() {}

    /** The condition on {@code <alias>.nspname}. */
    public static String filter(String alias) {
        String name = alias + ".nspname";
        return name + " NOT IN ('pg_catalog', 'information_schema') AND " + name + " NOT LIKE 'pg\\_toast%' AND " + name
                + " NOT LIKE 'pg\\_temp\\_%'";
    }

    /** {@link #FILTER}, leaving out these schemas too (schemaguard's own, made in sandboxes); names are constants of ours. */
    public static String filterExcept(String... schemas) {
        StringBuilder out = new StringBuilder(FILTER);
        for (String schema : schemas) {
            if (!schema.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain schema name: " + schema);
            }
            out.append(" AND n.nspname <> '").append(schema).append('\'');
        }
        return out.toString();
    }
}
