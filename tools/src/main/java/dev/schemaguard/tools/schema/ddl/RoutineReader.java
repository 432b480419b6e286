package dev.schemaguard.tools.schema.ddl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.USER_NAMESPACE;
import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.notInExtension;

/**
 * Functions and procedures ({@code pg_get_functiondef}), aggregates, operators, operator families and classes, and
 * casts between types. Function bodies are not checked while the copy is built ({@code check_function_bodies = off},
 * as pg_dump does), so a function may come before the tables its body reads.
 */
final class RoutineReader {

    private final ExportContext x;

    /** PostgreSQL made it as a part of another object (a range type's constructors and casts). */
    static String notPartOfAnother(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend part WHERE part.classid = '" + catalog
                + "'::regclass AND part.objid = " + oid + " AND part.deptype = 'i')";
    }

    RoutineReader(ExportContext x) {
        this.x = x;
    }

    void read() throws SQLException {
        functions();
        if (x.has("pg_aggregate")) {
            aggregates();
        }
        if (x.has("pg_operator")) {
            operators();
        }
        if (x.has("pg_opfamily") || x.has("pg_opclass")) {
            operatorFamiliesAndClasses();
        }
        if (x.has("pg_cast")) {
            casts();
        }
    }

    private void functions() throws SQLException {
        x.rows(
                "SELECT p.oid, p.oid::regprocedure::text, p.prokind::text, pg_get_userbyid(p.proowner), pg_get_functiondef(p.oid) "
                        + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_NAMESPACE
                        + " AND p.prokind IN ('f','p','w') AND " + notInExtension("pg_proc", "p.oid") + " AND "
                        + notPartOfAnother("pg_proc", "p.oid") + " ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    String sqlName = ("p".equals(rs.getString(3)) ? "PROCEDURE " : "FUNCTION ") + name;
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.FUNCTION,
                            name,
                            null,
                            sqlName,
                            List.of(rs.getString(5).strip()));
                    x.add(o);
                    x.primary("pg_proc", rs.getLong(1), o.key());
                    x.owner(o.key(), sqlName, rs.getString(4));
                });
    }

    private void aggregates() throws SQLException {
        String finalModify = "a.aggfinalmodify::text, a.aggmfinalmodify::text";
        x.rows(
                "SELECT p.oid, p.oid::regprocedure::text, pg_get_userbyid(p.proowner), format('%I.%I', n.nspname, p.proname), "
                        + "CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END, a.aggkind::text, "
                        + "a.aggtransfn::regproc::text, format_type(a.aggtranstype, NULL), a.aggtransspace, nullif(a.aggfinalfn, 0)::regproc::text, "
                        + "a.aggfinalextra, nullif(a.aggcombinefn, 0)::regproc::text, nullif(a.aggserialfn, 0)::regproc::text, "
                        + "nullif(a.aggdeserialfn, 0)::regproc::text, a.agginitval, nullif(a.aggmtransfn, 0)::regproc::text, "
                        + "nullif(a.aggminvtransfn, 0)::regproc::text, nullif(a.aggmtranstype, 0), format_type(nullif(a.aggmtranstype, 0), NULL), "
                        + "a.aggmtransspace, nullif(a.aggmfinalfn, 0)::regproc::text, a.aggmfinalextra, a.aggminitval, "
                        + "nullif(a.aggsortop, 0)::regoper::text, p.proparallel::text, " + finalModify + " "
                        + "FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_namespace n ON n.oid = p.pronamespace WHERE "
                        + USER_NAMESPACE + " AND " + notInExtension("pg_proc", "p.oid") + " ORDER BY 2",
                rs -> {
                    String signature = rs.getString(2);
                    List<String> options = new ArrayList<>();
                    options.add("SFUNC = " + rs.getString(7));
                    options.add("STYPE = " + rs.getString(8));
                    if (rs.getInt(9) != 0) {
                        options.add("SSPACE = " + rs.getInt(9));
                    }
                    if (rs.getString(10) != null) {
                        options.add("FINALFUNC = " + rs.getString(10));
                        if (rs.getBoolean(11)) {
                            options.add("FINALFUNC_EXTRA");
                        }
                        options.add("FINALFUNC_MODIFY = " + modify(rs.getString(26)));
                    }
                    option(options, "COMBINEFUNC", rs.getString(12));
                    option(options, "SERIALFUNC", rs.getString(13));
                    option(options, "DESERIALFUNC", rs.getString(14));
                    if (rs.getString(15) != null) {
                        options.add("INITCOND = " + DatabaseObjectsReader.literal(rs.getString(15)));
                    }
                    if (rs.getString(16) != null) {
                        options.add("MSFUNC = " + rs.getString(16));
                        options.add("MINVFUNC = " + rs.getString(17));
                        options.add("MSTYPE = " + rs.getString(19));
                        if (rs.getInt(20) != 0) {
                            options.add("MSSPACE = " + rs.getInt(20));
                        }
                        if (rs.getString(21) != null) {
                            options.add("MFINALFUNC = " + rs.getString(21));
                            if (rs.getBoolean(22)) {
                                options.add("MFINALFUNC_EXTRA");
                            }
                            options.add("MFINALFUNC_MODIFY = " + modify(rs.getString(27)));
                        }
                        if (rs.getString(23) != null) {
                            options.add("MINITCOND = " + DatabaseObjectsReader.literal(rs.getString(23)));
                        }
                    }
                    if (rs.getString(24) != null) {
                        options.add("SORTOP = OPERATOR(" + rs.getString(24) + ")");
                    }
                    switch (rs.getString(25)) {
                        case "s" -> options.add("PARALLEL = SAFE");
                        case "r" -> options.add("PARALLEL = RESTRICTED");
                        default -> {}
                    }
                    if ("h".equals(rs.getString(6))) {
                        options.add("HYPOTHETICAL");
                    }
                    String sqlName = "AGGREGATE " + signature;
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.AGGREGATE,
                            signature,
                            null,
                            sqlName,
                            List.of("CREATE AGGREGATE " + rs.getString(4) + "(" + rs.getString(5) + ") ("
                                    + String.join(", ", options) + ")"));
                    x.add(o);
                    x.primary("pg_proc", rs.getLong(1), o.key());
                    x.owner(o.key(), sqlName, rs.getString(3));
                });
    }

    private static String modify(String code) {
        return switch (code == null ? "r" : code) {
            case "s" -> "SHAREABLE";
            case "w" -> "READ_WRITE";
            default -> "READ_ONLY";
        };
    }

    private static void option(List<String> options, String name, String value) {
        if (value != null) {
            options.add(name + " = " + value);
        }
    }

    private void operators() throws SQLException {
        x.rows(
                "SELECT o.oid, o.oid::regoperator::text, pg_get_userbyid(o.oprowner), format('%I.%s', n.nspname, o.oprname), "
                        + "o.oprcode::regproc::text, CASE WHEN o.oprleft <> 0 THEN format_type(o.oprleft, NULL) END, "
                        + "CASE WHEN o.oprright <> 0 THEN format_type(o.oprright, NULL) END, nullif(o.oprcom, 0)::regoper::text, "
                        + "nullif(o.oprnegate, 0)::regoper::text, nullif(o.oprrest, 0)::regproc::text, nullif(o.oprjoin, 0)::regproc::text, "
                        + "o.oprcanhash, o.oprcanmerge FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace WHERE o.oid >= 16384 AND "
                        + USER_NAMESPACE + " AND o.oprcode <> 0 AND " + notInExtension("pg_operator", "o.oid")
                        + " ORDER BY 2",
                rs -> {
                    List<String> options = new ArrayList<>();
                    options.add("FUNCTION = " + rs.getString(5));
                    option(options, "LEFTARG", rs.getString(6));
                    option(options, "RIGHTARG", rs.getString(7));
                    if (rs.getString(8) != null) {
                        options.add("COMMUTATOR = OPERATOR(" + rs.getString(8) + ")");
                    }
                    if (rs.getString(9) != null) {
                        options.add("NEGATOR = OPERATOR(" + rs.getString(9) + ")");
                    }
                    option(options, "RESTRICT", rs.getString(10));
                    option(options, "JOIN", rs.getString(11));
                    if (rs.getBoolean(12)) {
                        options.add("HASHES");
                    }
                    if (rs.getBoolean(13)) {
                        options.add("MERGES");
                    }
                    String signature = rs.getString(2);
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.OPERATOR,
                            signature,
                            null,
                            "OPERATOR " + signature,
                            List.of("CREATE OPERATOR " + rs.getString(4) + " (" + String.join(", ", options) + ")"));
                    x.add(o);
                    x.primary("pg_operator", rs.getLong(1), o.key());
                    x.owner(o.key(), o.sqlName(), rs.getString(3));
                });
    }

    /**
     * A class's members are those {@code pg_depend} ties to the class; a family is written only where it is more than
     * the family PostgreSQL makes for a class of the same name (it has members of its own, or no such class).
     */
    private void operatorFamiliesAndClasses() throws SQLException {
        Map<Long, List<String>> classMembers = new HashMap<>();
        Map<Long, List<String>> familyMembers = new HashMap<>();
        x.rows(
                "SELECT d.refclassid = 'pg_opclass'::regclass, d.refobjid, format('OPERATOR %s %s', ao.amopstrategy, ao.amopopr::regoperator) "
                        + "|| CASE WHEN ao.amoppurpose = 'o' THEN ' FOR ORDER BY ' || (SELECT format('%I.%I', fn.nspname, f.opfname) FROM pg_opfamily f "
                        + "JOIN pg_namespace fn ON fn.oid = f.opfnamespace WHERE f.oid = ao.amopsortfamily) ELSE '' END "
                        + "FROM pg_amop ao JOIN pg_depend d ON d.classid = 'pg_amop'::regclass AND d.objid = ao.oid "
                        + "AND d.refclassid IN ('pg_opclass'::regclass, 'pg_opfamily'::regclass) WHERE ao.oid >= 16384 "
                        + "UNION ALL SELECT d.refclassid = 'pg_opclass'::regclass, d.refobjid, format('FUNCTION %s (%s, %s) %s', ap.amprocnum, "
                        + "format_type(ap.amproclefttype, NULL), format_type(ap.amprocrighttype, NULL), ap.amproc::regprocedure) "
                        + "FROM pg_amproc ap JOIN pg_depend d ON d.classid = 'pg_amproc'::regclass AND d.objid = ap.oid "
                        + "AND d.refclassid IN ('pg_opclass'::regclass, 'pg_opfamily'::regclass) WHERE ap.oid >= 16384 ORDER BY 3",
                rs -> (rs.getBoolean(1) ? classMembers : familyMembers)
                        .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                        .add(rs.getString(3)));
        Map<Long, String> familyNames = new HashMap<>();
        Map<Long, String> familyKeys = new HashMap<>();
        x.rows(
                "SELECT f.oid, format('%I.%I', n.nspname, f.opfname), am.amname, pg_get_userbyid(f.opfowner), "
                        + "EXISTS (SELECT 1 FROM pg_opclass c WHERE c.opcfamily = f.oid AND c.opcname = f.opfname AND c.opcnamespace = f.opfnamespace) "
                        + "FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod JOIN pg_namespace n ON n.oid = f.opfnamespace "
                        + "WHERE f.oid >= 16384 AND " + USER_NAMESPACE + " AND "
                        + notInExtension("pg_opfamily", "f.oid") + " ORDER BY 2, 3",
                rs -> {
                    String name = rs.getString(2) + " USING " + rs.getString(3);
                    familyNames.put(rs.getLong(1), rs.getString(2));
                    List<String> loose = familyMembers.getOrDefault(rs.getLong(1), List.of());
                    if (rs.getBoolean(5) && loose.isEmpty()) {
                        return; // made by CREATE OPERATOR CLASS itself
                    }
                    List<String> statements = new ArrayList<>();
                    statements.add("CREATE OPERATOR FAMILY " + name);
                    if (!loose.isEmpty()) {
                        statements.add("ALTER OPERATOR FAMILY " + name + " ADD " + String.join(", ", loose));
                    }
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.OPERATOR_FAMILY, name, null, "OPERATOR FAMILY " + name, statements);
                    x.add(o);
                    x.primary("pg_opfamily", rs.getLong(1), o.key());
                    x.owner(o.key(), o.sqlName(), rs.getString(4));
                    familyKeys.put(rs.getLong(1), o.key());
                });
        x.rows(
                "SELECT c.oid, format('%I.%I', n.nspname, c.opcname), am.amname, pg_get_userbyid(c.opcowner), c.opcdefault, "
                        + "format_type(c.opcintype, NULL), CASE WHEN c.opckeytype <> 0 THEN format_type(c.opckeytype, NULL) END, c.opcfamily, "
                        + "(SELECT format('%I.%I', fn.nspname, f.opfname) FROM pg_opfamily f JOIN pg_namespace fn ON fn.oid = f.opfnamespace WHERE f.oid = c.opcfamily) "
                        + "FROM pg_opclass c JOIN pg_am am ON am.oid = c.opcmethod JOIN pg_namespace n ON n.oid = c.opcnamespace "
                        + "WHERE c.oid >= 16384 AND " + USER_NAMESPACE + " AND " + notInExtension("pg_opclass", "c.oid")
                        + " ORDER BY 2, 3",
                rs -> classOf(rs, classMembers, familyKeys));
    }

    private void classOf(ResultSet rs, Map<Long, List<String>> members, Map<Long, String> familyKeys)
            throws SQLException {
        String name = rs.getString(2) + " USING " + rs.getString(3);
        List<String> items = new ArrayList<>(members.getOrDefault(rs.getLong(1), List.of()));
        if (rs.getString(7) != null) {
            items.add("STORAGE " + rs.getString(7));
        }
        String familyKey = familyKeys.get(rs.getLong(8));
        String statement = "CREATE OPERATOR CLASS " + rs.getString(2) + (rs.getBoolean(5) ? " DEFAULT" : "")
                + " FOR TYPE " + rs.getString(6)
                + " USING " + rs.getString(3)
                + (familyKey != null || !rs.getString(9).equals(rs.getString(2)) ? " FAMILY " + rs.getString(9) : "")
                + " AS " + (items.isEmpty() ? "STORAGE " + rs.getString(6) : String.join(", ", items));
        SchemaObject o = new SchemaObject(
                ObjectKind.OPERATOR_CLASS,
                name,
                null,
                "OPERATOR CLASS " + name,
                List.of(statement),
                familyKey == null ? Set.of() : Set.of(familyKey),
                Set.of(),
                List.of(),
                null);
        x.add(o);
        x.primary("pg_opclass", rs.getLong(1), o.key());
        if (familyKey == null) {
            x.ref("pg_opfamily", rs.getLong(8), o.key()); // the family it made stands for it
        }
        x.owner(o.key(), o.sqlName(), rs.getString(4));
    }

    private void casts() throws SQLException {
        x.rows(
                "SELECT c.oid, format_type(c.castsource, NULL), format_type(c.casttarget, NULL), c.castmethod::text, "
                        + "nullif(c.castfunc, 0)::regprocedure::text, c.castcontext::text FROM pg_cast c WHERE c.oid >= 16384 AND "
                        + notInExtension("pg_cast", "c.oid") + " AND " + notPartOfAnother("pg_cast", "c.oid")
                        + " ORDER BY 2, 3",
                rs -> {
                    String name = "(" + rs.getString(2) + " AS " + rs.getString(3) + ")";
                    String method = switch (rs.getString(4)) {
                        case "f" -> " WITH FUNCTION " + rs.getString(5);
                        case "i" -> " WITH INOUT";
                        default -> " WITHOUT FUNCTION";
                    };
                    String context = switch (rs.getString(6)) {
                        case "a" -> " AS ASSIGNMENT";
                        case "i" -> " AS IMPLICIT";
                        default -> "";
                    };
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.CAST,
                            name,
                            null,
                            "CAST " + name,
                            List.of("CREATE CAST " + name + method + context));
                    x.add(o);
                    x.primary("pg_cast", rs.getLong(1), o.key());
                });
    }
}
