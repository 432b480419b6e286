package dev.schemaguard.tools.schema.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a PostgreSQL database's user schema as DDL in dependency order — extensions, schemas, enum and domain types,
 * sequences, tables (partitioned first, then partitions and children), constraints (foreign keys last), indexes,
 * functions and procedures, views and materialized views, triggers, sequence ownership, row-level security and
 * policies, comments, object owners and privileges (with the roles they name first, {@link AccessExporter}) — using the server's
 * own {@code pg_get_*def} functions, so the text is what PostgreSQL itself would write. Objects owned by extensions
 * are left to the extension. Read-only: catalog queries only.
 */
public final class PostgresSchemaExporter {

    /** The user's schemas (namespace alias {@code n}): not the system's, not temporary. */
    public static final String USER_NAMESPACE = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
            + "AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'";

    /** The object is not a member of an extension (the extension creates it). */
    public static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog + "'::regclass AND d.objid = " + oid
                + " AND d.deptype = 'e')";
    }

    public SchemaScript export(Connection c) throws SQLException {
        List<String> out = new ArrayList<>(AccessExporter.roles(c));
        query(c, "SELECT format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I', e.extname, n.nspname) FROM pg_extension e "
                + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.extname", out);
        query(c, "SELECT format('CREATE SCHEMA IF NOT EXISTS %I', n.nspname) FROM pg_namespace n WHERE " + USER_NAMESPACE
                + " AND n.nspname <> 'public' AND " + notInExtension("pg_namespace", "n.oid") + " ORDER BY n.nspname", out);
        query(c, "SELECT format('CREATE TYPE %I.%I AS ENUM (%s)', n.nspname, t.typname, "
                + "(SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)) "
                + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND " + USER_NAMESPACE
                + " AND " + notInExtension("pg_type", "t.oid") + " ORDER BY n.nspname, t.typname", out);
        query(c, "SELECT format('CREATE DOMAIN %I.%I AS %s%s%s%s', n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), "
                + "CASE WHEN t.typcollation <> 0 AND t.typcollation <> (SELECT typcollation FROM pg_type WHERE oid = t.typbasetype) "
                + "THEN ' COLLATE ' || (SELECT quote_ident(collname) FROM pg_collation WHERE oid = t.typcollation) ELSE '' END, "
                + "CASE WHEN t.typdefault IS NOT NULL THEN ' DEFAULT ' || t.typdefault ELSE '' END, "
                + "CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(co.conname) "
                + "|| ' ' || pg_get_constraintdef(co.oid), '' ORDER BY co.conname) FROM pg_constraint co WHERE co.contypid = t.oid AND co.contype = 'c'), '')) "
                + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd' AND " + USER_NAMESPACE
                + " AND " + notInExtension("pg_type", "t.oid") + " ORDER BY n.nspname, t.typname", out);
        // sequences that are not identity columns' own
        query(c, "SELECT format('CREATE SEQUENCE %I.%I AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s%s', "
                + "n.nspname, s.relname, format_type(q.seqtypid, NULL), q.seqincrement, q.seqmin, q.seqmax, q.seqstart, q.seqcache, "
                + "CASE WHEN q.seqcycle THEN ' CYCLE' ELSE '' END) FROM pg_sequence q JOIN pg_class s ON s.oid = q.seqrelid "
                + "JOIN pg_namespace n ON n.oid = s.relnamespace WHERE " + USER_NAMESPACE + " AND " + notInExtension("pg_class", "s.oid")
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype = 'i') "
                + "ORDER BY n.nspname, s.relname", out);
        tables(c, out);
        // constraints: all but foreign keys, then foreign keys; not those a partition or child inherits
        String constraints = "SELECT format('ALTER TABLE ONLY %I.%I ADD CONSTRAINT %I %s', n.nspname, r.relname, co.conname, "
                + "pg_get_constraintdef(co.oid)) FROM pg_constraint co JOIN pg_class r ON r.oid = co.conrelid "
                + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE co.conrelid <> 0 AND co.contype IN ('p','u','c','x','f') "
                + "AND co.conparentid = 0 AND co.conislocal AND r.relkind IN ('r','p') AND " + USER_NAMESPACE + " AND "
                + notInExtension("pg_class", "r.oid") + " AND co.contype OPERATOR 'f' ORDER BY n.nspname, r.relname, co.conname";
        query(c, constraints.replace("OPERATOR", "<>"), out);
        query(c, constraints.replace("OPERATOR", "="), out);
        indexes(c, "'r','p'", out);
        query(c, "SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE "
                + USER_NAMESPACE + " AND p.prokind IN ('f','p') AND " + notInExtension("pg_proc", "p.oid") + " ORDER BY p.oid", out);
        query(c, "SELECT format(CASE WHEN v.relkind = 'v' THEN 'CREATE VIEW %I.%I AS %s' ELSE 'CREATE MATERIALIZED VIEW %I.%I AS %s WITH NO DATA' END, "
                + "n.nspname, v.relname, rtrim(pg_get_viewdef(v.oid), ';')) FROM pg_class v JOIN pg_namespace n ON n.oid = v.relnamespace "
                + "WHERE v.relkind IN ('v','m') AND " + USER_NAMESPACE + " AND " + notInExtension("pg_class", "v.oid") + " ORDER BY v.oid", out);
        indexes(c, "'m'", out);
        query(c, "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
                + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND " + USER_NAMESPACE
                + " AND " + notInExtension("pg_class", "r.oid") + " ORDER BY n.nspname, r.relname, t.tgname", out);
        query(c, "SELECT format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', n.nspname, s.relname, tn.nspname, t.relname, a.attname) "
                + "FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace n ON n.oid = s.relnamespace "
                + "JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace "
                + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
                + "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND " + USER_NAMESPACE
                + " ORDER BY n.nspname, s.relname", out);
        out.addAll(AccessExporter.rowSecurity(c));
        comments(c, out);
        out.addAll(AccessExporter.ownersAndPrivileges(c));
        return new SchemaScript(out);
    }

    private static void indexes(Connection c, String relkinds, List<String> out) throws SQLException {
        query(c, "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid "
                + "JOIN pg_namespace n ON n.oid = x.relnamespace WHERE " + USER_NAMESPACE + " AND "
                + notInExtension("pg_class", "i.indrelid")
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p','u','x')) "
                + "AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) "
                + "AND (SELECT relkind FROM pg_class WHERE oid = i.indrelid) IN (" + relkinds + ") ORDER BY n.nspname, x.relname", out);
    }

    private void tables(Connection c, List<String> out) throws SQLException {
        String sql = "SELECT r.oid, n.nspname, r.relname, r.relkind::text, r.relispartition, "
                + "CASE WHEN r.relispartition THEN (SELECT format('%I.%I', pn.nspname, p.relname) FROM pg_inherits h "
                + "  JOIN pg_class p ON p.oid = h.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE h.inhrelid = r.oid) END, "
                + "CASE WHEN r.relispartition THEN pg_get_expr(r.relpartbound, r.oid) END, "
                + "CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END, "
                + "(SELECT string_agg(format('%I.%I', pn.nspname, p.relname), ', ' ORDER BY h.inhseqno) FROM pg_inherits h "
                + "  JOIN pg_class p ON p.oid = h.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace "
                + "  WHERE h.inhrelid = r.oid AND NOT r.relispartition), "
                + "r.relpersistence::text "
                + "FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.relkind IN ('r','p') AND " + USER_NAMESPACE
                + " AND " + notInExtension("pg_class", "r.oid")
                + " ORDER BY (SELECT count(*) FROM pg_inherits h WHERE h.inhrelid = r.oid), r.oid";
        List<Object[]> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)});
            }
        }
        Map<Long, List<String>> columns = columns(c);
        for (Object[] t : tables) {
            String name = quote((String) t[1]) + "." + quote((String) t[2]);
            String unlogged = "u".equals(t[9]) ? "UNLOGGED " : "";
            if ((Boolean) t[4]) {
                out.add("CREATE " + unlogged + "TABLE " + name + " PARTITION OF " + t[5] + " " + t[6]
                        + (t[7] != null ? " PARTITION BY " + t[7] : ""));
                continue;
            }
            out.add("CREATE " + unlogged + "TABLE " + name + " (" + String.join(", ", columns.getOrDefault((Long) t[0], List.of())) + ")"
                    + (t[8] != null ? " INHERITS (" + t[8] + ")" : "")
                    + (t[7] != null ? " PARTITION BY " + t[7] : ""));
        }
    }

    /** Every user table's own columns, in one query: table OID → column definitions in order. */
    private Map<Long, List<String>> columns(Connection c) throws SQLException {
        String sql = "SELECT a.attrelid, format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)) "
                + "|| CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ' COLLATE ' || quote_ident(co.collname) ELSE '' END "
                + "|| CASE WHEN a.attidentity = 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN a.attidentity = 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END "
                + "|| CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED' "
                + "        WHEN d.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END "
                + "|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END "
                + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_collation co ON co.oid = a.attcollation "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
                + "WHERE r.relkind IN ('r','p') AND " + USER_NAMESPACE + " AND a.attnum > 0 AND NOT a.attisdropped AND a.attislocal "
                + "ORDER BY a.attrelid, a.attnum";
        Map<Long, List<String>> columns = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    private void comments(Connection c, List<String> out) throws SQLException {
        query(c, "SELECT format('COMMENT ON %s %I.%I IS %L', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' "
                + "WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, n.nspname, r.relname, d.description) FROM pg_description d "
                + "JOIN pg_class r ON r.oid = d.objoid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0 "
                + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.relkind IN ('r','p','v','m','S') AND " + USER_NAMESPACE
                + " ORDER BY n.nspname, r.relname", out);
        query(c, "SELECT format('COMMENT ON COLUMN %I.%I.%I IS %L', n.nspname, r.relname, a.attname, d.description) FROM pg_description d "
                + "JOIN pg_class r ON r.oid = d.objoid AND d.classoid = 'pg_class'::regclass AND d.objsubid > 0 "
                + "JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.objsubid "
                + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE " + USER_NAMESPACE + " ORDER BY n.nspname, r.relname, a.attnum", out);
    }

    /** Each row's first column (DDL text) appended to {@code out}; NULLs skipped. */
    static void query(Connection c, String sql, java.util.Collection<String> out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String ddl = rs.getString(1);
                if (ddl != null) {
                    out.add(ddl.strip());
                }
            }
        }
    }

    private static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
