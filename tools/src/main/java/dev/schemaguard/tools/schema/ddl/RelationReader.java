package dev.schemaguard.tools.schema.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.USER_NAMESPACE;
import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.notInExtension;

/**
 * Sequences, tables (partitioned ones, their partitions, inheritance children, foreign tables), views and materialized
 * views. A table's columns are written with their type, collation, identity, generation expression, default and NOT
 * NULL; a column a child inherits is written on the parent, and only where the child's default or NOT NULL differs
 * is it said again on the child.
 */
final class RelationReader {

    private final ExportContext x;

    /** table key → its columns by name (all of them, inherited too), for partitions and children. */
    private final Map<String, Map<String, ColumnFacts>> columnsByTable = new HashMap<>();

    private record ColumnFacts(
            String name,
            String definition,
            String defaultValue,
            boolean notNull,
            boolean local,
            long attrdef,
            boolean generated,
            List<String> extras) {}

    RelationReader(ExportContext x) {
        this.x = x;
    }

    void read() throws SQLException {
        sequences();
        tables();
        views();
        ownedBy();
    }

    private void sequences() throws SQLException {
        x.rows(
                "SELECT s.oid, s.oid::regclass::text, pg_get_userbyid(s.relowner), format('CREATE SEQUENCE %s AS %s INCREMENT BY %s MINVALUE %s "
                        + "MAXVALUE %s START WITH %s CACHE %s%s', s.oid::regclass, format_type(q.seqtypid, NULL), q.seqincrement, q.seqmin, q.seqmax, "
                        + "q.seqstart, q.seqcache, CASE WHEN q.seqcycle THEN ' CYCLE' ELSE '' END) FROM pg_sequence q JOIN pg_class s ON s.oid = q.seqrelid "
                        + "JOIN pg_namespace n ON n.oid = s.relnamespace WHERE " + USER_NAMESPACE + " AND "
                        + notInExtension("pg_class", "s.oid")
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype = 'i') ORDER BY 2",
                rs -> {
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.SEQUENCE,
                            rs.getString(2),
                            null,
                            "SEQUENCE " + rs.getString(2),
                            List.of(rs.getString(4)));
                    x.add(o);
                    x.primary("pg_class", rs.getLong(1), o.key());
                    x.owner(o.key(), o.sqlName(), rs.getString(3));
                });
    }

    private void ownedBy() throws SQLException {
        x.rows(
                "SELECT s.oid::regclass::text, t.oid::regclass::text, quote_ident(a.attname) "
                        + "FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace n ON n.oid = s.relnamespace "
                        + "JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
                        + "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND "
                        + USER_NAMESPACE
                        + " AND " + notInExtension("pg_class", "s.oid") + " ORDER BY 1",
                rs -> {
                    String sequence = rs.getString(1);
                    String table = rs.getString(2);
                    x.add(new SchemaObject(
                            ObjectKind.SEQUENCE_OWNED_BY,
                            sequence,
                            table,
                            null,
                            List.of("ALTER SEQUENCE " + sequence + " OWNED BY " + table + "." + rs.getString(3)),
                            Set.of(
                                    ExportContext.key(ObjectKind.SEQUENCE, sequence),
                                    ExportContext.key(ObjectKind.TABLE, table)),
                            Set.of(),
                            List.of(),
                            null));
                });
    }

    private void tables() throws SQLException {
        record Table(
                long oid,
                long rowType,
                long arrayType,
                String name,
                String kind,
                boolean partition,
                String parent,
                String bound,
                String partitionKey,
                String parents,
                String persistence,
                String owner,
                String options,
                String accessMethod,
                String replicaIdentity,
                String server,
                String serverOptions) {}
        List<Table> tables = new ArrayList<>();
        x.rows(
                "SELECT r.oid, r.reltype, (SELECT typarray FROM pg_type WHERE oid = r.reltype), r.oid::regclass::text, r.relkind::text, r.relispartition, "
                        + "CASE WHEN r.relispartition THEN (SELECT h.inhparent::regclass::text FROM pg_inherits h WHERE h.inhrelid = r.oid) END, "
                        + "CASE WHEN r.relispartition THEN pg_get_expr(r.relpartbound, r.oid) END, "
                        + "CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END, "
                        + "(SELECT string_agg(h.inhparent::regclass::text, ', ' ORDER BY h.inhseqno) FROM pg_inherits h WHERE h.inhrelid = r.oid AND NOT r.relispartition), "
                        + "r.relpersistence::text, pg_get_userbyid(r.relowner), array_to_string(r.reloptions, ', '), "
                        + "(SELECT amname FROM pg_am WHERE oid = r.relam AND amname <> 'heap'), r.relreplident::text, "
                        + "(SELECT quote_ident(s.srvname) FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE ft.ftrelid = r.oid), "
                        + "(SELECT " + DatabaseObjectsReader.options("ft.ftoptions")
                        + " FROM pg_foreign_table ft WHERE ft.ftrelid = r.oid) "
                        + "FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.relkind IN ('r','p','f') AND "
                        + USER_NAMESPACE
                        + " AND " + notInExtension("pg_class", "r.oid") + " ORDER BY 4",
                rs -> tables.add(new Table(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getString(14),
                        rs.getString(15),
                        rs.getString(16),
                        rs.getString(17))));
        if (tables.isEmpty()) {
            return;
        }
        columns();
        for (Table t : tables) {
            boolean foreign = t.kind.equals("f");
            ObjectKind kind = foreign ? ObjectKind.FOREIGN_TABLE : ObjectKind.TABLE;
            String key = ExportContext.key(kind, t.name);
            Map<String, ColumnFacts> columns = columnsByTable.getOrDefault(key, Map.of());
            String parent = t.partition
                    ? t.parent
                    : t.parents == null ? null : t.parents.split(", ")[0];
            Map<String, ColumnFacts> parentColumns = parent == null
                    ? Map.of()
                    : columnsByTable.getOrDefault(ExportContext.key(ObjectKind.TABLE, parent), Map.of());
            List<String> definitions = new ArrayList<>();
            List<String> withoutSeparableDefaults = new ArrayList<>();
            List<String> separateDefaults = new ArrayList<>();
            List<String> after = new ArrayList<>();
            List<SchemaObject.Column> local = new ArrayList<>();
            for (ColumnFacts c : columns.values()) {
                if (c.local && !t.partition) {
                    definitions.add(c.definition);
                    local.add(new SchemaObject.Column(c.name, c.definition));
                    if (c.defaultValue != null && !c.generated) {
                        withoutSeparableDefaults.add(c.definition.replace(" DEFAULT " + c.defaultValue, ""));
                        separateDefaults.add("ALTER TABLE ONLY " + t.name + " ALTER COLUMN " + c.name + " SET DEFAULT "
                                + c.defaultValue);
                    } else {
                        withoutSeparableDefaults.add(c.definition);
                    }
                } else {
                    ColumnFacts inherited = parentColumns.get(c.name);
                    if (inherited != null
                            && !java.util.Objects.equals(inherited.defaultValue, c.defaultValue)
                            && !c.generated) {
                        after.add("ALTER TABLE ONLY " + t.name + " ALTER COLUMN " + c.name
                                + (c.defaultValue == null ? " DROP DEFAULT" : " SET DEFAULT " + c.defaultValue));
                    }
                    if (inherited != null && c.notNull && !inherited.notNull) {
                        after.add("ALTER TABLE ONLY " + t.name + " ALTER COLUMN " + c.name + " SET NOT NULL");
                    }
                }
                for (String extra : c.extras) {
                    after.add("ALTER " + (foreign ? "FOREIGN TABLE" : "TABLE") + " ONLY " + t.name + " ALTER COLUMN "
                            + c.name + " " + extra);
                }
            }
            String unlogged = "u".equals(t.persistence) ? "UNLOGGED " : "";
            String suffix = (t.parents != null ? " INHERITS (" + t.parents + ")" : "")
                    + (t.partitionKey != null ? " PARTITION BY " + t.partitionKey : "")
                    + (t.accessMethod != null ? " USING " + t.accessMethod : "")
                    + (t.options != null && !t.options.isEmpty() ? " WITH (" + t.options + ")" : "")
                    + (foreign ? " SERVER " + t.server + DatabaseObjectsReader.optionsClause(t.serverOptions) : "");
            String head = foreign ? "CREATE FOREIGN TABLE " : "CREATE " + unlogged + "TABLE ";
            String create;
            String createFirst;
            if (t.partition) {
                String partitionSuffix = (t.partitionKey != null ? " PARTITION BY " + t.partitionKey : "")
                        + (t.accessMethod != null ? " USING " + t.accessMethod : "")
                        + (t.options != null && !t.options.isEmpty() ? " WITH (" + t.options + ")" : "")
                        + (foreign ? " SERVER " + t.server + DatabaseObjectsReader.optionsClause(t.serverOptions) : "");
                create = head + t.name + " PARTITION OF " + t.parent + " " + t.bound + partitionSuffix;
                createFirst = create;
            } else {
                create = head + t.name + " (" + String.join(", ", definitions) + ")" + suffix;
                createFirst = head + t.name + " (" + String.join(", ", withoutSeparableDefaults) + ")" + suffix;
            }
            switch (foreign ? "d" : t.replicaIdentity) {
                case "f" -> after.add("ALTER TABLE ONLY " + t.name + " REPLICA IDENTITY FULL");
                case "n" -> after.add("ALTER TABLE ONLY " + t.name + " REPLICA IDENTITY NOTHING");
                default -> {} // 'i' is written with its index; 'd' is the default
            }
            List<String> statements = new ArrayList<>();
            statements.add(create);
            statements.addAll(after);
            Set<String> parents = new HashSet<>();
            if (t.partition) {
                parents.add(ExportContext.key(ObjectKind.TABLE, t.parent));
            } else if (t.parents != null) {
                for (String p : t.parents.split(", ")) {
                    parents.add(ExportContext.key(ObjectKind.TABLE, p));
                }
            }
            SchemaObject o = new SchemaObject(
                    kind,
                    t.name,
                    null,
                    (foreign ? "FOREIGN TABLE " : "TABLE ") + t.name,
                    statements,
                    parents,
                    Set.of(),
                    local,
                    null);
            if (!separateDefaults.isEmpty()) {
                List<String> first = new ArrayList<>();
                first.add(createFirst);
                first.addAll(after);
                o = o.withSplit(new SchemaObject.Split(first, Set.of(), separateDefaults));
            }
            x.add(o);
            x.primary("pg_class", t.oid, key);
            x.ref("pg_type", t.rowType, key);
            if (t.arrayType != 0) {
                x.ref("pg_type", t.arrayType, key);
            }
            for (ColumnFacts c : columns.values()) {
                if (c.attrdef != 0) {
                    if (c.generated || !c.local) {
                        x.ref("pg_attrdef", c.attrdef, key);
                    } else {
                        x.separable("pg_attrdef", c.attrdef, key);
                    }
                }
            }
            x.owner(key, o.sqlName(), t.owner);
        }
    }

    /** Every user table's columns, in one query. */
    private void columns() throws SQLException {
        String generated = x.major >= 18
                ? "CASE a.attgenerated WHEN 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED' "
                        + "WHEN 'v' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') VIRTUAL' END"
                : "CASE a.attgenerated WHEN 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED' END";
        String statistics = x.major >= 17 ? "a.attstattarget IS NOT NULL" : "a.attstattarget >= 0";
        String compression = x.major >= 14
                ? "CASE a.attcompression WHEN 'p' THEN 'SET COMPRESSION pglz' WHEN 'l' THEN 'SET COMPRESSION lz4' END"
                : "NULL";
        String identity =
                "CASE WHEN a.attidentity IN ('a','d') THEN ' GENERATED ' || CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END "
                        + "|| ' AS IDENTITY' || coalesce((SELECT ' (' || concat_ws(' ', 'SEQUENCE NAME ' || s.oid::regclass::text, "
                        + "  CASE WHEN q.seqincrement <> 1 THEN 'INCREMENT BY ' || q.seqincrement END, "
                        + "  CASE WHEN q.seqmin <> CASE WHEN q.seqincrement > 0 THEN 1 ELSE (CASE format_type(q.seqtypid, NULL) WHEN 'smallint' THEN -32768 "
                        + "    WHEN 'integer' THEN -2147483648 ELSE -9223372036854775808 END) END THEN 'MINVALUE ' || q.seqmin END, "
                        + "  CASE WHEN q.seqmax <> CASE WHEN q.seqincrement < 0 THEN -1 ELSE (CASE format_type(q.seqtypid, NULL) WHEN 'smallint' THEN 32767 "
                        + "    WHEN 'integer' THEN 2147483647 ELSE 9223372036854775807 END) END THEN 'MAXVALUE ' || q.seqmax END, "
                        + "  CASE WHEN q.seqstart <> CASE WHEN q.seqincrement > 0 THEN q.seqmin ELSE q.seqmax END THEN 'START WITH ' || q.seqstart END, "
                        + "  CASE WHEN q.seqcache <> 1 THEN 'CACHE ' || q.seqcache END, CASE WHEN q.seqcycle THEN 'CYCLE' END) || ')' "
                        + "  FROM pg_depend sd JOIN pg_class s ON s.oid = sd.objid JOIN pg_sequence q ON q.seqrelid = s.oid "
                        + "  WHERE sd.classid = 'pg_class'::regclass AND sd.refclassid = 'pg_class'::regclass AND sd.refobjid = a.attrelid "
                        + "  AND sd.refobjsubid = a.attnum AND sd.deptype = 'i' AND s.relkind = 'S'), '') END";
        x.rows(
                "SELECT r.oid::regclass::text, r.relkind::text, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod) "
                        + "|| CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END "
                        + "|| CASE WHEN a.attfdwoptions IS NOT NULL THEN ' OPTIONS (' || "
                        + DatabaseObjectsReader.options("a.attfdwoptions") + " || ')' ELSE '' END, "
                        + identity + ", " + generated
                        + ", CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END, a.attnotnull, a.attislocal, "
                        + "coalesce(d.oid, 0), a.attgenerated <> '', "
                        + "CASE WHEN " + statistics + " THEN 'SET STATISTICS ' || a.attstattarget END, "
                        + "CASE WHEN a.attstorage <> t.typstorage THEN 'SET STORAGE ' || CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' "
                        + "  WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END END, " + compression + ", "
                        + "CASE WHEN a.attoptions IS NOT NULL THEN 'SET (' || array_to_string(a.attoptions, ', ') || ')' END "
                        + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                        + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                        + "JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
                        + "WHERE r.relkind IN ('r','p','f') AND " + USER_NAMESPACE
                        + " AND a.attnum > 0 AND NOT a.attisdropped "
                        + "ORDER BY a.attrelid, a.attnum",
                rs -> {
                    String key = ExportContext.key(
                            "f".equals(rs.getString(2)) ? ObjectKind.FOREIGN_TABLE : ObjectKind.TABLE, rs.getString(1));
                    String name = rs.getString(3);
                    String identityClause = rs.getString(5);
                    String generatedClause = rs.getString(6);
                    String defaultValue = rs.getString(7);
                    boolean notNull = rs.getBoolean(8);
                    String definition = name + " " + rs.getString(4) + (identityClause == null ? "" : identityClause)
                            + (generatedClause != null
                                    ? generatedClause
                                    : defaultValue != null ? " DEFAULT " + defaultValue : "")
                            + (notNull ? " NOT NULL" : "");
                    List<String> extras = new ArrayList<>();
                    for (int i = 12; i <= 15; i++) {
                        if (rs.getString(i) != null) {
                            extras.add(rs.getString(i));
                        }
                    }
                    columnsByTable
                            .computeIfAbsent(key, k -> new LinkedHashMap<>())
                            .put(
                                    name,
                                    new ColumnFacts(
                                            name,
                                            definition,
                                            generatedClause != null ? generatedClause : defaultValue,
                                            notNull,
                                            rs.getBoolean(9),
                                            rs.getLong(10),
                                            rs.getBoolean(11),
                                            extras));
                });
    }

    private void views() throws SQLException {
        x.rows(
                "SELECT v.oid, v.reltype, (SELECT typarray FROM pg_type WHERE oid = v.reltype), v.oid::regclass::text, v.relkind::text, "
                        + "pg_get_userbyid(v.relowner), rtrim(pg_get_viewdef(v.oid), ';'), array_to_string(v.reloptions, ', '), v.relispopulated, "
                        + "(SELECT amname FROM pg_am WHERE oid = v.relam AND amname <> 'heap'), "
                        + "(SELECT string_agg(format('NULL::%s', format_type(a.atttypid, a.atttypmod)) "
                        + "  || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END "
                        + "  || format(' AS %I', a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                        + "  WHERE a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped), "
                        + "(SELECT rw.oid FROM pg_rewrite rw WHERE rw.ev_class = v.oid AND rw.rulename = '_RETURN'), "
                        + "ARRAY(SELECT format('ALTER VIEW %s ALTER COLUMN %I SET DEFAULT %s', v.oid::regclass, a.attname, pg_get_expr(d.adbin, d.adrelid)) "
                        + "  FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = v.oid ORDER BY a.attnum) "
                        + "FROM pg_class v JOIN pg_namespace n ON n.oid = v.relnamespace WHERE v.relkind IN ('v','m') AND "
                        + USER_NAMESPACE
                        + " AND " + notInExtension("pg_class", "v.oid") + " ORDER BY 4",
                rs -> {
                    String name = rs.getString(4);
                    boolean materialized = "m".equals(rs.getString(5));
                    String options = rs.getString(8) == null || rs.getString(8).isEmpty()
                            ? ""
                            : " WITH (" + rs.getString(8) + ")";
                    String query = rs.getString(7).strip();
                    String[] defaults = (String[]) rs.getArray(13).getArray();
                    ObjectKind kind = materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW;
                    List<String> statements = new ArrayList<>();
                    statements.add(
                            materialized
                                    ? "CREATE MATERIALIZED VIEW " + name
                                            + (rs.getString(10) != null ? " USING " + rs.getString(10) : "") + options
                                            + " AS " + query + " WITH NO DATA"
                                    : "CREATE VIEW " + name + options + " AS " + query);
                    statements.addAll(List.of(defaults));
                    SchemaObject o = SchemaObject.of(
                            kind, name, null, (materialized ? "MATERIALIZED VIEW " : "VIEW ") + name, statements);
                    if (!materialized && rs.getString(11) != null) {
                        List<String> rest = new ArrayList<>();
                        rest.add("CREATE OR REPLACE VIEW " + name + options + " AS " + query);
                        rest.addAll(List.of(defaults));
                        o = o.withSplit(new SchemaObject.Split(
                                List.of("CREATE VIEW " + name + " AS SELECT " + rs.getString(11)), Set.of(), rest));
                    }
                    x.add(o);
                    x.primary("pg_class", rs.getLong(1), o.key());
                    x.ref("pg_type", rs.getLong(2), o.key());
                    if (rs.getLong(3) != 0) {
                        x.ref("pg_type", rs.getLong(3), o.key());
                    }
                    if (rs.getLong(12) != 0) {
                        x.separable("pg_rewrite", rs.getLong(12), o.key());
                    }
                    x.owner(o.key(), o.sqlName(), rs.getString(6));
                    if (materialized && rs.getBoolean(9)) {
                        x.add(new SchemaObject(
                                ObjectKind.REFRESH,
                                name,
                                null,
                                null,
                                List.of("REFRESH MATERIALIZED VIEW " + name),
                                Set.of(o.key()),
                                Set.of(),
                                List.of(),
                                null));
                    }
                });
    }
}
