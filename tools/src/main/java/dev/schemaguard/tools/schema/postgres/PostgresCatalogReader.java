package dev.schemaguard.tools.schema.postgres;

import dev.schemaguard.tools.schema.Column;
import dev.schemaguard.tools.schema.Constraint;
import dev.schemaguard.tools.schema.DatabaseInfo;
import dev.schemaguard.tools.schema.Index;
import dev.schemaguard.tools.schema.ObjectKey;
import dev.schemaguard.tools.schema.ObjectKind;
import dev.schemaguard.tools.schema.Routine;
import dev.schemaguard.tools.schema.SchemaInfo;
import dev.schemaguard.tools.schema.Sequence;
import dev.schemaguard.tools.schema.Table;
import dev.schemaguard.tools.schema.TableReferences;
import dev.schemaguard.tools.schema.Trigger;
import dev.schemaguard.tools.schema.UserType;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the schema model from PostgreSQL's catalog (13 to 18). Each method is one bulk query, filtered by an array of
 * OIDs for the page at hand, so reading a page costs a handful of round trips however many tables it holds. Catalog
 * text (names, comments, definitions) is only ever read as data and bound as parameters, never spliced into SQL.
 */
public final class PostgresCatalogReader {

    /** Schemas that belong to PostgreSQL itself, and objects that belong to extensions, are not the user's schema. */
    private static final String USER_SCHEMA = dev.schemaguard.tools.sql.UserSchemas.FILTER;

    private static final String NOT_EXTENSION_MEMBER = """
            NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = %s::regclass AND e.objid = %s AND e.deptype = 'e')""";

    public DatabaseInfo databaseInfo(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT current_database(), current_setting('server_version'), current_setting('server_version_num')::int");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new DatabaseInfo(rs.getString(1), rs.getString(2), rs.getInt(3));
        }
    }

    public List<SchemaInfo> schemas(Connection c) throws SQLException {
        String sql = "SELECT n.nspname, pg_get_userbyid(n.nspowner), obj_description(n.oid, 'pg_namespace') "
                + "FROM pg_namespace n WHERE " + USER_SCHEMA + " AND " + notExtension("'pg_namespace'", "n.oid")
                + " ORDER BY 1";
        List<SchemaInfo> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new SchemaInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return result;
    }

    /** Every user object, identified but not described: one query, cheap even for tens of thousands of tables. */
    public List<ObjectKey> listObjects(Connection c) throws SQLException {
        String sql = "SELECT 'rel', c.oid, n.nspname, c.relname, c.relname, c.relkind::text FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','S','f') AND "
                + USER_SCHEMA + " AND " + notExtension("'pg_class'", "c.oid")
                + " UNION ALL SELECT 'type', t.oid, n.nspname, t.typname, t.typname, t.typtype::text FROM pg_type t "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype IN ('e','d') AND "
                + USER_SCHEMA + " AND " + notExtension("'pg_type'", "t.oid")
                + " UNION ALL SELECT 'proc', p.oid, n.nspname, p.proname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',"
                + " p.prokind::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE "
                + USER_SCHEMA + " AND " + notExtension("'pg_proc'", "p.oid")
                + " UNION ALL SELECT 'index', c.oid, n.nspname, c.relname, c.relname, 'i' FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('i','I') AND "
                + USER_SCHEMA + " AND " + notExtension("'pg_class'", "c.oid")
                + " UNION ALL SELECT 'trigger', t.oid, n.nspname, t.tgname, t.tgname || ' on ' || c.relname, 't' FROM pg_trigger t "
                + "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND "
                + USER_SCHEMA + " AND " + notExtension("'pg_class'", "c.oid");
        List<ObjectKey> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ObjectKind kind = kindOf(rs.getString(1), rs.getString(6));
                result.add(new ObjectKey(kind, rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(2)));
            }
        }
        return result;
    }

    private static ObjectKind kindOf(String source, String code) {
        return switch (source) {
            case "rel" ->
                switch (code) {
                    case "v" -> ObjectKind.VIEW;
                    case "m" -> ObjectKind.MATERIALIZED_VIEW;
                    case "S" -> ObjectKind.SEQUENCE;
                    default -> ObjectKind.TABLE;
                };
            case "type" -> code.equals("e") ? ObjectKind.ENUM : ObjectKind.DOMAIN;
            case "proc" -> code.equals("p") ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION;
            case "index" -> ObjectKind.INDEX;
            default -> ObjectKind.TRIGGER;
        };
    }

    /**
     * Tables, views and materialized views called {@code name} (in {@code schema}, or in any user schema when it is
     * null): an index lookup, so that asking for one table does not cost a listing of the whole catalog.
     */
    public List<ObjectKey> findRelations(Connection c, String schema, String name) throws SQLException {
        String sql =
                "SELECT c.oid, n.nspname, c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.relname = ? AND (n.nspname = ? OR ?::text IS NULL) AND c.relkind IN ('r','p','v','m','f') AND "
                        + USER_SCHEMA + " ORDER BY n.nspname";
        List<ObjectKey> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.setString(2, schema);
            s.setString(3, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new ObjectKey(
                            kindOf("rel", rs.getString(4)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(3),
                            rs.getLong(1)));
                }
            }
        }
        return result;
    }

    /**
     * Tables, views and materialized views by OID, in the order given. With {@code full}, also their columns,
     * constraints, indexes and triggers (four more queries for the whole page).
     */
    public Map<Long, Table> tables(Connection c, List<Long> oids, boolean full) throws SQLException {
        if (oids.isEmpty()) {
            return Map.of();
        }
        String sql = """
                SELECT c.oid, c.relkind::text, c.relispartition, n.nspname, c.relname,
                       CASE WHEN c.reltuples < 0 OR (c.reltuples = 0 AND c.relpages = 0) THEN NULL ELSE c.reltuples::bigint END,
                       CASE WHEN c.relkind IN ('r','p','m') THEN pg_table_size(c.oid) END,
                       CASE WHEN c.relkind IN ('r','p','m') THEN pg_indexes_size(c.oid) END,
                       CASE WHEN c.relkind IN ('r','p','m') THEN pg_total_relation_size(c.oid) END,
                       (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)::int,
                       obj_description(c.oid, 'pg_class'),
                       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
                       (SELECT array_agg(quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) ORDER BY i.inhseqno)
                          FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                         WHERE i.inhrelid = c.oid),
                       CASE WHEN c.relkind IN ('v','m') THEN pg_get_viewdef(c.oid, true) END,
                       c.relispopulated
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.oid = ANY(?::oid[])""";
        Map<Long, Object[]> rows = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, oidArray(c, oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[16];
                    for (int i = 0; i < 16; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    row[13] = strings(rs.getArray(14));
                    rows.put(rs.getLong(1), row);
                }
            }
        }
        Map<Long, List<Column>> columns = full ? columns(c, oids) : Map.of();
        Map<Long, List<Constraint>> constraints = full ? constraints(c, oids) : Map.of();
        Map<Long, List<Index>> indexes = full ? indexes(c, oids) : Map.of();
        Map<Long, List<Trigger>> triggers = full ? triggersByTable(c, oids) : Map.of();
        Map<Long, Table> result = new LinkedHashMap<>();
        for (Long oid : oids) {
            Object[] r = rows.get(oid);
            if (r == null) {
                continue; // dropped between listing and reading: not there any more
            }
            String relkind = (String) r[1];
            boolean partition = (Boolean) r[2];
            @SuppressWarnings("unchecked")
            List<String> parents = (List<String>) r[13];
            String kind = switch (relkind) {
                case "p" -> "partitioned_table";
                case "v" -> "view";
                case "m" -> "materialized_view";
                case "f" -> "foreign_table";
                default -> partition ? "partition" : "table";
            };
            Table.Partition partitionOf =
                    partition && !parents.isEmpty() ? new Table.Partition(parents.get(0), (String) r[12]) : null;
            List<String> inherits = partition || parents.isEmpty() ? null : parents;
            boolean isView = relkind.equals("v") || relkind.equals("m");
            result.put(
                    oid,
                    new Table(
                            kind,
                            (String) r[3],
                            (String) r[4],
                            (Long) r[5],
                            (Long) r[6],
                            (Long) r[7],
                            (Long) r[8],
                            (Integer) r[9],
                            (String) r[10],
                            (String) r[11],
                            partitionOf,
                            inherits,
                            isView ? (String) r[14] : null,
                            relkind.equals("m") ? (Boolean) r[15] : null,
                            full ? columns.getOrDefault(oid, List.of()) : null,
                            full && !isView ? constraints.getOrDefault(oid, List.of()) : null,
                            full && !relkind.equals("v") ? indexes.getOrDefault(oid, List.of()) : null,
                            full ? triggers.getOrDefault(oid, List.of()) : null));
        }
        return result;
    }

    private Map<Long, List<Column>> columns(Connection c, List<Long> oids) throws SQLException {
        String sql = """
                SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                       CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
                       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END,
                       col_description(a.attrelid, a.attnum)
                  FROM pg_attribute a
                  JOIN pg_type t ON t.oid = a.atttypid
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                  LEFT JOIN pg_collation co ON co.oid = a.attcollation
                 WHERE a.attrelid = ANY(?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attrelid, a.attnum""";
        Map<Long, List<Column>> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, oidArray(c, oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Column(
                                    rs.getInt(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getBoolean(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9),
                                    rs.getString(10)));
                }
            }
        }
        return result;
    }

    private static final String FK_ACTION = """
            CASE %s WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade'
                    WHEN 'n' THEN 'set null' WHEN 'd' THEN 'set default' END""";

    private static String columnNames(String relation, String keys) {
        return "(SELECT array_agg(att.attname ORDER BY k.ord) FROM unnest(" + keys + ") WITH ORDINALITY k(attnum, ord) "
                + "JOIN pg_attribute att ON att.attrelid = " + relation + " AND att.attnum = k.attnum)";
    }

    private Map<Long, List<Constraint>> constraints(Connection c, List<Long> oids) throws SQLException {
        // contype 'n' (NOT NULL constraints, PostgreSQL 18) is left out: columns already say whether they are nullable.
        String sql = "SELECT con.conrelid, con.conname, con.contype::text, " + columnNames("con.conrelid", "con.conkey")
                + ", pg_get_constraintdef(con.oid, true), con.convalidated, con.condeferrable, "
                + "CASE WHEN con.contype = 'f' THEN quote_ident(fn.nspname) || '.' || quote_ident(fc.relname) END, "
                + columnNames("con.confrelid", "con.confkey") + ", "
                + FK_ACTION.formatted("con.confdeltype") + ", " + FK_ACTION.formatted("con.confupdtype")
                + " FROM pg_constraint con LEFT JOIN pg_class fc ON fc.oid = con.confrelid "
                + "LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
                + "WHERE con.conrelid = ANY(?::oid[]) AND con.contype IN ('p','u','c','f','x') "
                + "ORDER BY con.conrelid, CASE con.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'f' THEN 2 WHEN 'c' THEN 3 ELSE 4 END, con.conname";
        Map<Long, List<Constraint>> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, oidArray(c, oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String type = switch (rs.getString(3)) {
                        case "p" -> "primary_key";
                        case "u" -> "unique";
                        case "c" -> "check";
                        case "f" -> "foreign_key";
                        default -> "exclusion";
                    };
                    Constraint.ForeignKeyTarget target = type.equals("foreign_key")
                            ? new Constraint.ForeignKeyTarget(
                                    rs.getString(8), strings(rs.getArray(9)), rs.getString(10), rs.getString(11))
                            : null;
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Constraint(
                                    rs.getString(2),
                                    type,
                                    strings(rs.getArray(4)),
                                    rs.getString(5),
                                    rs.getBoolean(6),
                                    rs.getBoolean(7),
                                    target));
                }
            }
        }
        return result;
    }

    private Map<Long, List<Index>> indexes(Connection c, List<Long> tableOids) throws SQLException {
        Map<Long, List<Index>> result = new HashMap<>();
        for (IndexRow row : readIndexes(c, "i.indrelid", tableOids)) {
            result.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.index());
        }
        return result;
    }

    /** Indexes by their own OIDs, each with the table it belongs to ({@code schema.table}). */
    public Map<Long, Map.Entry<String, Index>> indexesByOid(Connection c, List<Long> indexOids) throws SQLException {
        Map<Long, Map.Entry<String, Index>> result = new HashMap<>();
        for (IndexRow row : readIndexes(c, "i.indexrelid", indexOids)) {
            result.put(row.key(), Map.entry(row.table(), row.index()));
        }
        return inOrder(indexOids, result);
    }

    private record IndexRow(long key, String table, Index index) {}

    private List<IndexRow> readIndexes(Connection c, String keyColumn, List<Long> oids) throws SQLException {
        if (oids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + keyColumn + ", quote_ident(tn.nspname) || '.' || quote_ident(t.relname), ic.relname, "
                + "pg_get_indexdef(i.indexrelid), am.amname, i.indisunique, i.indisprimary, pg_get_expr(i.indpred, i.indrelid), "
                + "i.indisvalid, pg_relation_size(i.indexrelid), obj_description(i.indexrelid, 'pg_class') "
                + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
                + "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace "
                + "WHERE " + keyColumn + " = ANY(?::oid[]) ORDER BY i.indrelid, i.indisprimary DESC, ic.relname";
        List<IndexRow> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, oidArray(c, oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new IndexRow(
                            rs.getLong(1),
                            rs.getString(2),
                            new Index(
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getBoolean(6),
                                    rs.getBoolean(7),
                                    rs.getString(8),
                                    rs.getBoolean(9),
                                    rs.getLong(10),
                                    rs.getString(11))));
                }
            }
        }
        return result;
    }

    private Map<Long, List<Trigger>> triggersByTable(Connection c, List<Long> tableOids) throws SQLException {
        Map<Long, List<Trigger>> result = new HashMap<>();
        for (Map.Entry<Long, Trigger> e : readTriggers(c, "t.tgrelid = ANY(?::oid[])", tableOids, "t.tgrelid")) {
            result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        return result;
    }

    /** Triggers by their own OIDs. */
    public Map<Long, Trigger> triggersByOid(Connection c, List<Long> triggerOids) throws SQLException {
        Map<Long, Trigger> result = new HashMap<>();
        for (Map.Entry<Long, Trigger> e : readTriggers(c, "t.oid = ANY(?::oid[])", triggerOids, "t.oid")) {
            result.put(e.getKey(), e.getValue());
        }
        return inOrder(triggerOids, result);
    }

    private List<Map.Entry<Long, Trigger>> readTriggers(Connection c, String where, List<Long> oids, String keyColumn)
            throws SQLException {
        if (oids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + keyColumn
                + ", t.tgname, quote_ident(n.nspname) || '.' || quote_ident(r.relname), t.tgtype, "
                + "quote_ident(pn.nspname) || '.' || quote_ident(p.proname), t.tgenabled::text, pg_get_triggerdef(t.oid, true) "
                + "FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
                + "JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace pn ON pn.oid = p.pronamespace "
                + "WHERE NOT t.tgisinternal AND " + where + " ORDER BY t.tgrelid, t.tgname";
        List<Map.Entry<Long, Trigger>> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, oidArray(c, oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int type = rs.getInt(4);
                    // tgtype bits, from PostgreSQL's pg_trigger.h: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16,
                    // TRUNCATE 32, INSTEAD 64
                    String timing = (type & 64) != 0 ? "instead of" : (type & 2) != 0 ? "before" : "after";
                    List<String> events = new ArrayList<>();
                    if ((type & 4) != 0) {
                        events.add("insert");
                    }
                    if ((type & 16) != 0) {
                        events.add("update");
                    }
                    if ((type & 8) != 0) {
                        events.add("delete");
                    }
                    if ((type & 32) != 0) {
                        events.add("truncate");
                    }
                    String enabled = switch (rs.getString(6)) {
                        case "D" -> "disabled";
                        case "A" -> "always";
                        case "R" -> "replica";
                        default -> "origin";
                    };
                    result.add(Map.entry(
                            rs.getLong(1),
                            new Trigger(
                                    rs.getString(2),
                                    rs.getString(3),
                                    timing,
                                    events,
                                    (type & 1) != 0 ? "row" : "statement",
                                    rs.getString(5),
                                    enabled,
                                    rs.getString(7))));
                }
            }
        }
        return result;
    }

    public Map<Long, Sequence> sequences(Connection c, List<Long> oids) throws SQLException {
        if (oids.isEmpty()) {
            return Map.of();
        }
        String sql = """
                SELECT c.oid, n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
                       (SELECT quote_ident(tn.nspname) || '.' || quote_ident(tc.relname) || '.' || quote_ident(ta.attname)
                          FROM pg_depend d JOIN pg_class tc ON tc.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                          JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                           AND d.deptype IN ('a', 'i') LIMIT 1),
                       obj_description(c.oid, 'pg_class')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
                 WHERE c.oid = ANY(?::oid[])""";
        Map<Long, Sequence> byOid = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, oidArray(c, oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byOid.put(
                            rs.getLong(1),
                            new Sequence(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    null,
                                    rs.getString(7),
                                    rs.getString(8)));
                }
            }
        }
        return inOrder(oids, byOid);
    }

    public Map<Long, UserType> types(Connection c, List<Long> oids) throws SQLException {
        if (oids.isEmpty()) {
            return Map.of();
        }
        String sql = """
                SELECT t.oid, t.typtype::text, n.nspname, t.typname,
                       (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
                       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
                       CASE WHEN t.typtype = 'd' THEN t.typnotnull END,
                       t.typdefault,
                       (SELECT array_agg(pg_get_constraintdef(dc.oid, true) ORDER BY dc.conname) FROM pg_constraint dc
                         WHERE dc.contypid = t.oid AND dc.contype = 'c'),
                       obj_description(t.oid, 'pg_type')
                  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE t.oid = ANY(?::oid[])""";
        Map<Long, UserType> byOid = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, oidArray(c, oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean isEnum = rs.getString(2).equals("e");
                    byOid.put(
                            rs.getLong(1),
                            new UserType(
                                    isEnum ? "enum" : "domain",
                                    rs.getString(3),
                                    rs.getString(4),
                                    isEnum ? strings(rs.getArray(5)) : null,
                                    rs.getString(6),
                                    (Boolean) rs.getObject(7),
                                    rs.getString(8),
                                    isEnum ? null : strings(rs.getArray(9)),
                                    rs.getString(10)));
                }
            }
        }
        return inOrder(oids, byOid);
    }

    public Map<Long, Routine> routines(Connection c, List<Long> oids) throws SQLException {
        if (oids.isEmpty()) {
            return Map.of();
        }
        String sql = """
                SELECT p.oid, p.prokind::text, n.nspname, p.proname, pg_get_function_identity_arguments(p.oid),
                       CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END, l.lanname,
                       CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END,
                       p.prosecdef, obj_description(p.oid, 'pg_proc')
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
                 WHERE p.oid = ANY(?::oid[])""";
        Map<Long, Routine> byOid = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, oidArray(c, oids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String kind = switch (rs.getString(2)) {
                        case "p" -> "procedure";
                        case "a" -> "aggregate";
                        case "w" -> "window";
                        default -> "function";
                    };
                    byOid.put(
                            rs.getLong(1),
                            new Routine(
                                    kind,
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getBoolean(9),
                                    rs.getString(10)));
                }
            }
        }
        return inOrder(oids, byOid);
    }

    /** Everything in the database that points at one table (two queries). */
    public TableReferences references(Connection c, long tableOid) throws SQLException {
        List<TableReferences.IncomingForeignKey> incoming = new ArrayList<>();
        String fks = "SELECT quote_ident(n.nspname) || '.' || quote_ident(r.relname), con.conname, "
                + columnNames("con.conrelid", "con.conkey") + ", " + columnNames("con.confrelid", "con.confkey") + ", "
                + FK_ACTION.formatted("con.confdeltype") + ", " + FK_ACTION.formatted("con.confupdtype")
                + ", con.convalidated "
                + "FROM pg_constraint con JOIN pg_class r ON r.oid = con.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
                + "WHERE con.contype = 'f' AND con.confrelid = ? ORDER BY 1, 2";
        try (PreparedStatement s = c.prepareStatement(fks)) {
            s.setLong(1, tableOid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    incoming.add(new TableReferences.IncomingForeignKey(
                            rs.getString(1),
                            rs.getString(2),
                            strings(rs.getArray(3)),
                            strings(rs.getArray(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBoolean(7)));
                }
            }
        }
        String dependents = """
                SELECT 'view', quote_ident(vn.nspname) || '.' || quote_ident(v.relname)
                  FROM pg_depend d JOIN pg_rewrite rw ON rw.oid = d.objid JOIN pg_class v ON v.oid = rw.ev_class
                  JOIN pg_namespace vn ON vn.oid = v.relnamespace
                 WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ? AND v.oid <> ?
                UNION
                SELECT 'sequence', quote_ident(sn.nspname) || '.' || quote_ident(sq.relname)
                  FROM pg_depend d JOIN pg_class sq ON sq.oid = d.objid AND sq.relkind = 'S'
                  JOIN pg_namespace sn ON sn.oid = sq.relnamespace
                 WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ?
                   AND d.deptype IN ('a', 'i')
                UNION
                SELECT 'child', quote_ident(cn.nspname) || '.' || quote_ident(ch.relname)
                  FROM pg_inherits i JOIN pg_class ch ON ch.oid = i.inhrelid JOIN pg_namespace cn ON cn.oid = ch.relnamespace
                 WHERE i.inhparent = ?
                ORDER BY 1, 2""";
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(dependents)) {
            for (int i = 1; i <= 4; i++) {
                s.setLong(i, tableOid);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byKind.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        return new TableReferences(
                incoming,
                byKind.getOrDefault("view", List.of()),
                byKind.getOrDefault("sequence", List.of()),
                byKind.getOrDefault("child", List.of()));
    }

    private static String notExtension(String catalog, String oidColumn) {
        return NOT_EXTENSION_MEMBER.formatted(catalog, oidColumn);
    }

    private static Array oidArray(Connection c, Collection<Long> oids) throws SQLException {
        return c.createArrayOf("int8", oids.toArray(new Long[0]));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }

    /** The objects in the order their OIDs were asked for; those dropped since they were listed are left out. */
    private static <T> Map<Long, T> inOrder(List<Long> oids, Map<Long, T> byOid) {
        Map<Long, T> result = new LinkedHashMap<>();
        for (Long oid : oids) {
            T value = byOid.get(oid);
            if (value != null) {
                result.put(oid, value);
            }
        }
        return result;
    }
}
