package dev.schemaguard.tools.schema.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.USER_NAMESPACE;
import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.notInExtension;

/**
 * User-defined types: enums, composite types, range types (with their multirange) and domains. Each type's array
 * type (and a composite's relation) stands for the type in the dependency graph. Base types written in C cannot be
 * copied and are named as such.
 */
final class TypeReader {

    private static final String USER_TYPES = "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE "
            + USER_NAMESPACE + " AND " + notInExtension("pg_type", "t.oid");

    private final ExportContext x;

    TypeReader(ExportContext x) {
        this.x = x;
    }

    void read() throws SQLException {
        x.rows(
                "SELECT t.oid, t.typarray, t.oid::regtype::text, pg_get_userbyid(t.typowner), "
                        + "coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') "
                        + USER_TYPES + " AND t.typtype = 'e' ORDER BY 3",
                rs -> add(
                        ObjectKind.TYPE,
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        List.of("CREATE TYPE " + rs.getString(3) + " AS ENUM (" + rs.getString(5) + ")")));
        x.rows(
                "SELECT t.oid, t.typarray, t.oid::regtype::text, pg_get_userbyid(t.typowner), t.typrelid, "
                        + "coalesce((SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)) "
                        + "|| CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END, "
                        + "', ' ORDER BY a.attnum) FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid WHERE a.attrelid = t.typrelid AND a.attnum > 0 "
                        + "AND NOT a.attisdropped), '') " + USER_TYPES
                        + " AND t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c' ORDER BY 3",
                rs -> {
                    String key = add(
                            ObjectKind.TYPE,
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            List.of("CREATE TYPE " + rs.getString(3) + " AS (" + rs.getString(6) + ")"));
                    x.ref("pg_class", rs.getLong(5), key);
                });
        String multirange = x.major >= 14
                ? "r.rngmultitypid, (SELECT typarray FROM pg_type WHERE oid = r.rngmultitypid), r.rngmultitypid::regtype::text"
                : "0, 0, NULL";
        x.rows(
                "SELECT t.oid, t.typarray, t.oid::regtype::text, pg_get_userbyid(t.typowner), r.rngsubtype::regtype::text, "
                        + "(SELECT format('%I.%I', on2.nspname, oc.opcname) FROM pg_opclass oc JOIN pg_namespace on2 ON on2.oid = oc.opcnamespace "
                        + " WHERE oc.oid = r.rngsubopc AND NOT oc.opcdefault), nullif(r.rngcollation, 0)::regcollation::text, "
                        + "nullif(r.rngcanonical, 0)::regproc::text, nullif(r.rngsubdiff, 0)::regproc::text, "
                        + multirange + " "
                        + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_range r ON r.rngtypid = t.oid WHERE "
                        + USER_NAMESPACE
                        + " AND " + notInExtension("pg_type", "t.oid") + " ORDER BY 3",
                rs -> {
                    StringBuilder options = new StringBuilder("SUBTYPE = " + rs.getString(5));
                    append(options, "SUBTYPE_OPCLASS", rs.getString(6));
                    append(options, "COLLATION", rs.getString(7));
                    append(options, "CANONICAL", rs.getString(8));
                    append(options, "SUBTYPE_DIFF", rs.getString(9));
                    append(options, "MULTIRANGE_TYPE_NAME", rs.getString(12));
                    String key = add(
                            ObjectKind.TYPE,
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            List.of("CREATE TYPE " + rs.getString(3) + " AS RANGE (" + options + ")"));
                    if (rs.getLong(10) != 0) {
                        x.ref("pg_type", rs.getLong(10), key);
                        x.ref("pg_type", rs.getLong(11), key);
                    }
                });
        x.rows(
                "SELECT t.oid::regtype::text " + USER_TYPES
                        + " AND t.typtype = 'b' AND t.typelem = 0 AND t.oid >= 16384 ORDER BY 1",
                rs -> x.notCopied.add("type " + rs.getString(1)
                        + " (a base type with functions in C; create it in the sandbox by its extension)"));
        domains();
    }

    private void domains() throws SQLException {
        x.rows(
                "SELECT t.oid, t.typarray, t.oid::regtype::text, pg_get_userbyid(t.typowner), format_type(t.typbasetype, t.typtypmod), "
                        + "CASE WHEN t.typcollation <> 0 AND t.typcollation <> (SELECT typcollation FROM pg_type WHERE oid = t.typbasetype) "
                        + "THEN ' COLLATE ' || t.typcollation::regcollation::text ELSE '' END, "
                        + "CASE WHEN t.typdefault IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(t.typdefaultbin, 0) ELSE '' END, t.typnotnull, "
                        + "ARRAY(SELECT co.oid FROM pg_constraint co WHERE co.contypid = t.oid AND co.contype = 'c' ORDER BY co.conname), "
                        + "ARRAY(SELECT ' CONSTRAINT ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid) FROM pg_constraint co "
                        + "  WHERE co.contypid = t.oid AND co.contype = 'c' ORDER BY co.conname) "
                        + USER_TYPES + " AND t.typtype = 'd' ORDER BY 3",
                rs -> {
                    String name = rs.getString(3);
                    Long[] constraintOids = (Long[]) rs.getArray(9).getArray();
                    String[] constraints = (String[]) rs.getArray(10).getArray();
                    String head = "CREATE DOMAIN " + name + " AS " + rs.getString(5) + rs.getString(6) + rs.getString(7)
                            + (rs.getBoolean(8) ? " NOT NULL" : "");
                    // each check its own statement (NOT VALID can only be said so), which is also how a cycle is broken
                    List<String> checks = new ArrayList<>();
                    for (String constraint : constraints) {
                        checks.add("ALTER DOMAIN " + name + " ADD" + constraint);
                    }
                    List<String> statements = new ArrayList<>();
                    statements.add(head);
                    statements.addAll(checks);
                    String key =
                            add(ObjectKind.DOMAIN, rs.getLong(1), rs.getLong(2), name, rs.getString(4), statements);
                    for (Long constraint : constraintOids) {
                        x.separable("pg_constraint", constraint, key);
                    }
                    if (constraints.length > 0) {
                        x.replace(x.object(key).withSplit(new SchemaObject.Split(List.of(head), Set.of(), checks)));
                    }
                });
    }

    private String add(ObjectKind kind, long oid, long arrayOid, String name, String owner, List<String> statements) {
        SchemaObject o =
                SchemaObject.of(kind, name, null, (kind == ObjectKind.DOMAIN ? "DOMAIN " : "TYPE ") + name, statements);
        x.add(o);
        x.primary("pg_type", oid, o.key());
        if (arrayOid != 0) {
            x.ref("pg_type", arrayOid, o.key());
        }
        x.owner(o.key(), o.sqlName(), owner);
        return o.key();
    }

    private static void append(StringBuilder options, String option, String value) {
        if (value != null) {
            options.append(", ").append(option).append(" = ").append(value);
        }
    }
}
