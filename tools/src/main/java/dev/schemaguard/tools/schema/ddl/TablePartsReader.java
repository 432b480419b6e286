package dev.schemaguard.tools.schema.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.USER_NAMESPACE;
import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.notInExtension;

/**
 * What lives on a table: constraints (foreign keys apart), indexes, replica identity, rules, triggers, extended
 * statistics, row-level security and its policies. As pg_dump does, a partitioned table's index or key is made on the
 * parent alone ({@code ONLY}) and each partition's own is made and then attached, so names stay what they are.
 */
final class TablePartsReader {

    /** Joins the table (alias {@code r}) that {@code column} names, if it is a user's table. */
    private static String userTable(String column) {
        return "JOIN pg_class r ON r.oid = " + column + " JOIN pg_namespace n ON n.oid = r.relnamespace WHERE "
                + USER_NAMESPACE + " AND " + notInExtension("pg_class", "r.oid");
    }

    private final ExportContext x;

    TablePartsReader(ExportContext x) {
        this.x = x;
    }

    void read() throws SQLException {
        constraints();
        indexes();
        if (x.has("pg_rewrite")) {
            rules();
        }
        triggers();
        if (x.has("pg_statistic_ext")) {
            statistics();
        }
        rowSecurity();
    }

    private void constraints() throws SQLException {
        x.rows(
                "SELECT co.oid, co.conrelid::regclass::text, quote_ident(co.conname), co.contype::text, pg_get_constraintdef(co.oid), "
                        + "r.relkind::text, r.relhassubclass, co.conparentid <> 0, co.conindid, "
                        + "(SELECT p.conindid::regclass::text FROM pg_constraint p WHERE p.oid = co.conparentid), "
                        + "(SELECT p.conrelid::regclass::text || '.' || quote_ident(p.conname) FROM pg_constraint p WHERE p.oid = co.conparentid), "
                        + "CASE WHEN co.conindid <> 0 THEN co.conindid::regclass::text END, "
                        + "coalesce((SELECT i.indisclustered FROM pg_index i WHERE i.indexrelid = co.conindid AND co.contype <> 'f'), false), "
                        + "coalesce((SELECT i.indisreplident FROM pg_index i WHERE i.indexrelid = co.conindid AND co.contype <> 'f'), false) "
                        + "FROM pg_constraint co " + userTable("co.conrelid") + " AND r.relkind IN ('r','p','f') "
                        + "AND (co.contype = 'c' AND co.conislocal OR co.contype IN ('p','u','x') OR co.contype = 'f' AND co.conparentid = 0) ORDER BY 2, 3",
                rs -> {
                    String table = rs.getString(2);
                    String name = rs.getString(3);
                    String type = rs.getString(4);
                    String relkind = rs.getString(6);
                    boolean foreignKey = type.equals("f");
                    boolean recurse = type.equals("c") && (rs.getBoolean(7) || relkind.equals("p"))
                            || foreignKey && relkind.equals("p");
                    String alter = ("f".equals(relkind) ? "ALTER FOREIGN TABLE " : "ALTER TABLE ")
                            + (recurse ? "" : "ONLY ")
                            + table;
                    List<String> statements = new ArrayList<>();
                    statements.add(alter + " ADD CONSTRAINT " + name + " " + rs.getString(5));
                    Set<String> dependsOn = new HashSet<>();
                    dependsOn.add(ExportContext.key(
                            "f".equals(relkind) ? ObjectKind.FOREIGN_TABLE : ObjectKind.TABLE, table));
                    if (rs.getBoolean(8) && rs.getString(10) != null) {
                        statements.add("ALTER INDEX " + rs.getString(10) + " ATTACH PARTITION " + rs.getString(12));
                        dependsOn.add(ExportContext.key(ObjectKind.CONSTRAINT, rs.getString(11)));
                    }
                    if (rs.getBoolean(13)) {
                        statements.add("ALTER TABLE " + table + " CLUSTER ON " + unqualified(rs.getString(12)));
                    }
                    ObjectKind kind = foreignKey ? ObjectKind.FOREIGN_KEY : ObjectKind.CONSTRAINT;
                    SchemaObject o = new SchemaObject(
                            kind,
                            table + "." + name,
                            table,
                            "CONSTRAINT " + name + " ON " + table,
                            statements,
                            dependsOn,
                            Set.of(),
                            List.of(),
                            null);
                    x.add(o);
                    x.primary("pg_constraint", rs.getLong(1), o.key());
                    if (!foreignKey && rs.getLong(9) != 0) {
                        x.ref("pg_class", rs.getLong(9), o.key()); // its index is the constraint
                        if (rs.getBoolean(14)) {
                            replicaIdentity(table, rs.getString(12), o.key());
                        }
                    }
                });
    }

    private void indexes() throws SQLException {
        x.rows(
                "SELECT i.indexrelid, i.indexrelid::regclass::text, i.indrelid::regclass::text, pg_get_indexdef(i.indexrelid), i.indisclustered, "
                        + "i.indisreplident, h.inhparent::regclass::text, pc.conrelid::regclass::text || '.' || quote_ident(pc.conname)"
                        + ", r.relkind = 'm' "
                        + "FROM pg_index i LEFT JOIN pg_inherits h ON h.inhrelid = i.indexrelid "
                        + "LEFT JOIN pg_constraint pc ON pc.conindid = h.inhparent AND pc.contype IN ('p','u','x') "
                        + userTable("i.indrelid")
                        + " AND r.relkind IN ('r','p','m') AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid "
                        + "AND co.conrelid = i.indrelid AND co.contype IN ('p','u','x')) ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    String table = rs.getString(3);
                    List<String> statements = new ArrayList<>();
                    statements.add(rs.getString(4));
                    Set<String> dependsOn = new HashSet<>();
                    dependsOn.add(ExportContext.key(
                            rs.getBoolean(9) ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.TABLE, table));
                    if (rs.getString(7) != null) {
                        statements.add("ALTER INDEX " + rs.getString(7) + " ATTACH PARTITION " + name);
                        dependsOn.add(
                                rs.getString(8) != null
                                        ? ExportContext.key(ObjectKind.CONSTRAINT, rs.getString(8))
                                        : ExportContext.key(ObjectKind.INDEX, rs.getString(7)));
                    }
                    if (rs.getBoolean(5)) {
                        statements.add("ALTER TABLE " + table + " CLUSTER ON " + unqualified(name));
                    }
                    SchemaObject o = new SchemaObject(
                            ObjectKind.INDEX,
                            name,
                            table,
                            "INDEX " + name,
                            statements,
                            dependsOn,
                            Set.of(),
                            List.of(),
                            null);
                    x.add(o);
                    x.primary("pg_class", rs.getLong(1), o.key());
                    if (rs.getBoolean(6)) {
                        replicaIdentity(table, name, o.key());
                    }
                });
    }

    private void replicaIdentity(String table, String index, String indexKey) {
        x.add(new SchemaObject(
                ObjectKind.REPLICA_IDENTITY,
                table,
                table,
                null,
                List.of("ALTER TABLE ONLY " + table + " REPLICA IDENTITY USING INDEX " + unqualified(index)),
                Set.of(indexKey),
                Set.of(),
                List.of(),
                null));
    }

    private void rules() throws SQLException {
        x.rows(
                "SELECT rw.oid, rw.ev_class::regclass::text, quote_ident(rw.rulename), pg_get_ruledef(rw.oid), rw.ev_enabled::text "
                        + "FROM pg_rewrite rw " + userTable("rw.ev_class")
                        + " AND rw.rulename <> '_RETURN' ORDER BY 2, 3",
                rs -> {
                    String table = rs.getString(2);
                    String name = rs.getString(3);
                    List<String> statements = new ArrayList<>();
                    statements.add(rs.getString(4).strip().replaceAll(";$", ""));
                    enabling("RULE", table, name, rs.getString(5), statements);
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.RULE, table + "." + name, table, "RULE " + name + " ON " + table, statements);
                    x.add(o);
                    x.primary("pg_rewrite", rs.getLong(1), o.key());
                });
    }

    private void triggers() throws SQLException {
        x.rows(
                "SELECT t.oid, t.tgrelid::regclass::text, quote_ident(t.tgname), pg_get_triggerdef(t.oid), t.tgenabled::text FROM pg_trigger t "
                        + userTable("t.tgrelid") + " AND NOT t.tgisinternal AND t.tgparentid = 0 ORDER BY 2, 3",
                rs -> {
                    String table = rs.getString(2);
                    String name = rs.getString(3);
                    List<String> statements = new ArrayList<>();
                    statements.add(rs.getString(4));
                    enabling("TRIGGER", table, name, rs.getString(5), statements);
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.TRIGGER,
                            table + "." + name,
                            table,
                            "TRIGGER " + name + " ON " + table,
                            statements);
                    x.add(o);
                    x.primary("pg_trigger", rs.getLong(1), o.key());
                });
    }

    /** {@code O} is the default; the others are said after the object is made. */
    private static void enabling(String what, String table, String name, String state, List<String> statements) {
        String clause = switch (state) {
            case "D" -> " DISABLE ";
            case "R" -> " ENABLE REPLICA ";
            case "A" -> " ENABLE ALWAYS ";
            default -> null;
        };
        if (clause != null) {
            statements.add("ALTER TABLE " + table + clause + what + " " + name);
        }
    }

    private void statistics() throws SQLException {
        String target = x.major >= 17 ? "s.stxstattarget" : "nullif(s.stxstattarget, -1)";
        x.rows(
                "SELECT s.oid, format('%I.%I', sn.nspname, s.stxname), s.stxrelid::regclass::text, pg_get_statisticsobjdef(s.oid), "
                        + target
                        + ", pg_get_userbyid(s.stxowner) FROM pg_statistic_ext s JOIN pg_namespace sn ON sn.oid = s.stxnamespace "
                        + userTable("s.stxrelid") + " ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    List<String> statements = new ArrayList<>();
                    statements.add(rs.getString(4));
                    if (rs.getString(5) != null) {
                        statements.add("ALTER STATISTICS " + name + " SET STATISTICS " + rs.getString(5));
                    }
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.STATISTICS, name, rs.getString(3), "STATISTICS " + name, statements);
                    x.add(o);
                    x.primary("pg_statistic_ext", rs.getLong(1), o.key());
                    x.owner(o.key(), o.sqlName(), rs.getString(6));
                });
    }

    private void rowSecurity() throws SQLException {
        x.rows(
                "SELECT r.oid::regclass::text, r.relrowsecurity, r.relforcerowsecurity FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace "
                        + "WHERE r.relkind IN ('r','p') AND (r.relrowsecurity OR r.relforcerowsecurity) AND "
                        + USER_NAMESPACE + " ORDER BY 1",
                rs -> {
                    String table = rs.getString(1);
                    if (rs.getBoolean(2)) {
                        x.add(rowSecurity(table, "ENABLE"));
                    }
                    if (rs.getBoolean(3)) {
                        x.add(rowSecurity(table, "FORCE"));
                    }
                });
        if (!x.has("pg_policy")) {
            return;
        }
        x.rows(
                "SELECT p.oid, p.polrelid::regclass::text, quote_ident(p.polname), CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END, "
                        + "CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END, "
                        + "(SELECT string_agg(CASE WHEN role = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(role)) END, ', ' ORDER BY "
                        + "CASE WHEN role = 0 THEN 'public' ELSE pg_get_userbyid(role)::text END) FROM unnest(p.polroles) role), "
                        + "pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid), "
                        + "ARRAY(SELECT pg_get_userbyid(role) FROM unnest(p.polroles) role WHERE role <> 0) "
                        + "FROM pg_policy p " + userTable("p.polrelid") + " ORDER BY 2, 3",
                rs -> {
                    String table = rs.getString(2);
                    String name = rs.getString(3);
                    String statement = "CREATE POLICY " + name + " ON " + table + " AS " + rs.getString(4) + " FOR "
                            + rs.getString(5) + " TO "
                            + rs.getString(6) + (rs.getString(7) != null ? " USING (" + rs.getString(7) + ")" : "")
                            + (rs.getString(8) != null ? " WITH CHECK (" + rs.getString(8) + ")" : "");
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.POLICY,
                            table + "." + name,
                            table,
                            "POLICY " + name + " ON " + table,
                            List.of(statement));
                    x.add(o);
                    x.primary("pg_policy", rs.getLong(1), o.key());
                    x.roles.addAll(List.of((String[]) rs.getArray(9).getArray()));
                });
    }

    private static SchemaObject rowSecurity(String table, String what) {
        return new SchemaObject(
                ObjectKind.ROW_SECURITY,
                table + " " + what + " ROW LEVEL SECURITY",
                table,
                null,
                List.of("ALTER TABLE " + table + " " + what + " ROW LEVEL SECURITY"),
                Set.of(ExportContext.key(ObjectKind.TABLE, table)),
                Set.of(),
                List.of(),
                null);
    }

    private static String unqualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
