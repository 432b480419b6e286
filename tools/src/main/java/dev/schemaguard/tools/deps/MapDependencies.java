package dev.schemaguard.tools.deps;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.deps.code.DependencyTarget;
import dev.schemaguard.tools.env.Environments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The database side of {@code map_dependencies}: what in the environment's database depends on a table or column,
 * read from PostgreSQL's own dependency records (pg_depend, pg_constraint, pg_rewrite, pg_trigger, pg_inherits …) and,
 * for functions and procedures, from their bodies. Views of views and chains of foreign keys are followed to
 * {@code depth}; cycles (a table referencing itself) are visited once.
 */
public final class MapDependencies {

    public static final int DEFAULT_DEPTH = 3;
    private static final List<String> ALWAYS_BLIND = List.of(
            "SQL built at run time (string building beyond literals, constants and simple concatenation; dynamic SQL in functions is flagged)",
            "reflection, generated code, ORM features resolved at run time (criteria queries, entity graphs)",
            "readers fed by other means than a Debezium connector, a publication or an outbox written in the same "
                    + "transaction (custom CDC, files, another service's API), and listeners outside the given code roots",
            "other databases, replication subscribers, ETL jobs and reports outside the given code roots");

    private final Environments environments;
    private final Map<String, java.nio.file.Path> services;

    public MapDependencies(Environments environments) {
        this(environments, Map.of());
    }

    /** @param services explicit code services ({@code code.services}: name → directory); empty: by build files alone */
    public MapDependencies(Environments environments, Map<String, java.nio.file.Path> services) {
        this.environments = environments;
        this.services = Map.copyOf(services);
    }

    /** The code under these roots, indexed (from the on-disk cache where files did not change). */
    public dev.schemaguard.tools.deps.code.CodeIndex codeIndex(List<java.nio.file.Path> roots) {
        return codeIndex(roots, dev.schemaguard.tools.ProgressListener.NONE);
    }

    public dev.schemaguard.tools.deps.code.CodeIndex codeIndex(
            List<java.nio.file.Path> roots, dev.schemaguard.tools.ProgressListener progress) {
        return dev.schemaguard.tools.deps.code.CodeIndex.scan(
                roots, dev.schemaguard.tools.deps.code.CodeIndexCache.standard(), services, progress);
    }

    /**
     * Every column (schema.table.column) whose type is {@code type}: directly, through a domain over it, or as an array
     * of either. Empty when the type does not exist in the environment.
     */
    public List<String> columnsOfType(String environment, String type) {
        String sql = """
                WITH RECURSIVE types(oid) AS (
                  SELECT pg_catalog.to_regtype(?)::oid
                  UNION SELECT t.oid FROM pg_catalog.pg_type t JOIN types
                    ON (t.typtype = 'd' AND t.typbasetype = types.oid) OR (t.typcategory = 'A' AND t.typelem = types.oid)
                    OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute ca WHERE ca.attrelid = t.typrelid
                        AND ca.atttypid = types.oid AND NOT ca.attisdropped AND (SELECT relkind FROM pg_catalog.pg_class
                        WHERE oid = t.typrelid) = 'c')))
                SELECT n.nspname || '.' || c.relname || '.' || a.attname FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE a.atttypid IN (SELECT oid FROM types WHERE oid IS NOT NULL) AND a.attnum > 0 AND NOT a.attisdropped
                  AND c.relkind IN ('r', 'p', 'f') ORDER BY 1""";
        List<String> columns = new ArrayList<>();
        try (java.sql.Connection c = environments.openReadOnly(environment);
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, type);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new dev.schemaguard.tools.ToolException(
                    "Reading the columns of type " + type + " in '" + environment + "' failed: " + e.getMessage());
        }
        return columns;
    }

    /** The values of the enum {@code type}, in their order; empty when it is not an enum of the environment. */
    public List<String> enumValues(String environment, String type) {
        List<String> values = new ArrayList<>();
        try (java.sql.Connection c = environments.openReadOnly(environment);
                java.sql.PreparedStatement s = c.prepareStatement(
                        "SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = pg_catalog.to_regtype(?)::oid ORDER BY e.enumsortorder")) {
            s.setString(1, type);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new dev.schemaguard.tools.ToolException(
                    "Reading the values of type " + type + " in '" + environment + "' failed: " + e.getMessage());
        }
        return values;
    }

    /**
     * The functions and procedures whose arguments or result are of {@code type} (directly or as an array), and the
     * casts from or to it: what names the type itself rather than reading a column.
     */
    public List<DatabaseDependency> usersOfType(String environment, String type) {
        String sql = """
                WITH t AS (SELECT pg_catalog.to_regtype(?)::oid AS oid)
                SELECT 'function', p.oid::pg_catalog.regprocedure::text FROM pg_catalog.pg_proc p, t
                 WHERE t.oid IS NOT NULL AND (p.prorettype = t.oid OR t.oid = ANY (p.proargtypes)
                    OR p.prorettype = (SELECT typarray FROM pg_catalog.pg_type WHERE oid = t.oid)
                    OR (SELECT typarray FROM pg_catalog.pg_type WHERE oid = t.oid) = ANY (p.proargtypes))
                UNION ALL
                SELECT 'cast', c.castsource::pg_catalog.regtype::text || ' AS ' || c.casttarget::pg_catalog.regtype::text
                  FROM pg_catalog.pg_cast c, t WHERE t.oid IS NOT NULL AND (c.castsource = t.oid OR c.casttarget = t.oid)
                ORDER BY 1, 2""";
        List<DatabaseDependency> users = new ArrayList<>();
        try (java.sql.Connection c = environments.openReadOnly(environment);
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, type);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    users.add(new DatabaseDependency(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(1).equals("cast")
                                    ? "a cast to or from the type"
                                    : "its signature names the type",
                            1,
                            type,
                            "certain"));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new dev.schemaguard.tools.ToolException(
                    "Reading what uses type " + type + " in '" + environment + "' failed: " + e.getMessage());
        }
        return users;
    }

    public DependencyReport map(String environment, String targetText, Integer depth) {
        return map(environment, targetText, depth, List.of());
    }

    /**
     * @param environment whose database to read; null: the code side alone
     * @param roots       code to scan (a monorepo or several repositories); empty: the database side alone
     */
    public DependencyReport map(String environment, String targetText, Integer depth, List<java.nio.file.Path> roots) {
        return map(environment, targetText, depth, roots, dev.schemaguard.tools.ProgressListener.NONE);
    }

    /** @param progress hears how far the code index has come (the slow part of a first scan) */
    public DependencyReport map(
            String environment,
            String targetText,
            Integer depth,
            List<java.nio.file.Path> roots,
            dev.schemaguard.tools.ProgressListener progress) {
        DependencyTarget.parse(targetText); // a bad target is refused before any code is scanned
        return map(environment, targetText, depth, roots.isEmpty() ? null : codeIndex(roots, progress));
    }

    /** With code already indexed (null: none), e.g. once for every change of a migration. */
    public DependencyReport map(
            String environment, String targetText, Integer depth, dev.schemaguard.tools.deps.code.CodeIndex index) {
        DependencyTarget target = DependencyTarget.parse(targetText);
        int maxDepth = depth == null ? DEFAULT_DEPTH : depth;
        if (maxDepth < 1 || maxDepth > 10) {
            throw new InputException("depth must be between 1 and 10, was " + maxDepth + ".");
        }
        if (environment == null && index == null) {
            throw new InputException("Give an environment (the database side), code roots (the code side), or both.");
        }
        List<String> blind = new ArrayList<>();
        List<dev.schemaguard.tools.deps.code.CodeSite> code = List.of();
        if (index == null) {
            blind.add("application code: no code roots were given (roots / --code), so no code was scanned");
        } else {
            code = new ArrayList<>(index.sitesFor(target));
            List<dev.schemaguard.tools.deps.code.CodeSite> changeReaders = index.changeReadersFor(target);
            code.addAll(changeReaders);
            if (changeReaders.isEmpty()) {
                blind.add("change-data readers: no Debezium connector configuration under the code roots streams "
                        + target.qualifiedTable()
                        + (index.hasChangeReaders()
                                ? ""
                                : ", and no Kafka, RabbitMQ, JMS or Spring Cloud Stream listener was found at all"));
            }
            blind.add("code outside the " + index.files() + " file(s) read in "
                    + index.services().size() + " service(s) under "
                    + index.roots()
                    + " (Java, MyBatis XML, SQL files, Debezium and Spring Cloud Stream configuration; SQL-looking strings "
                    + "in Kotlin, Python, Go, TypeScript, JavaScript)");
            if (!index.unreadable().isEmpty()) {
                blind.add(index.unreadable().size() + " file(s) that could not be parsed, so nothing in them was seen: "
                        + String.join(
                                "; ",
                                index.unreadable()
                                        .subList(
                                                0,
                                                Math.min(5, index.unreadable().size())))
                        + (index.unreadable().size() > 5 ? "; …" : ""));
            }
        }
        blind.addAll(ALWAYS_BLIND);
        if (environment == null) {
            blind.add(
                    0,
                    "the database: no environment was given, so views, triggers, functions and foreign keys were not read");
            return new DependencyReport(target.toString(), null, List.of(), code, blind);
        }
        try (Connection c = environments.openReadOnly(environment)) {
            long oid = tableOid(c, target);
            Integer attnum = target.column() == null ? null : attnum(c, oid, target);
            List<DatabaseDependency> found = new ArrayList<>();
            foreignKeys(c, oid, attnum, target.qualifiedTable(), maxDepth, found);
            references(c, oid, attnum, found);
            views(c, oid, attnum, target.qualifiedTable(), maxDepth, found);
            triggers(c, oid, attnum, found);
            outboxes(c, oid, found);
            indexesAndConstraints(c, oid, attnum, found);
            sequencesAndDefaults(c, oid, attnum, found);
            policiesPublicationsPartitions(c, oid, found);
            functionBodies(c, target, found);
            c.rollback();
            return new DependencyReport(target.toString(), environment, found, code, blind);
        } catch (SQLException e) {
            throw new ToolException(
                    "Cannot read the dependencies of " + target + " in '" + environment + "': " + e.getMessage());
        }
    }

    private static long tableOid(Connection c, DependencyTarget t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""")) {
            s.setString(1, t.schema());
            s.setString(2, t.table());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ToolException("No table or view " + t.qualifiedTable()
                            + " in this environment; inspect_schema lists them.");
                }
                return rs.getLong(1);
            }
        }
    }

    private static int attnum(Connection c, long oid, DependencyTarget t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT attnum FROM pg_attribute WHERE attrelid = ? AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
            s.setLong(1, oid);
            s.setString(2, t.column());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ToolException("No column " + t.column() + " in " + t.qualifiedTable() + ".");
                }
                return rs.getInt(1);
            }
        }
    }

    private static String action(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    /** Tables whose foreign keys reference the target (and, through ON DELETE CASCADE / SET NULL, theirs in turn). */
    private static void foreignKeys(
            Connection c, long oid, Integer attnum, String name, int maxDepth, List<DatabaseDependency> found)
            throws SQLException {
        record Step(long oid, Integer attnum, String name, int depth) {}
        Deque<Step> queue = new ArrayDeque<>(List.of(new Step(oid, attnum, name, 1)));
        Set<Long> seen = new HashSet<>(Set.of(oid));
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT con.conname, con.conrelid, con.conrelid::regclass::text, con.confdeltype, con.confupdtype,
                           (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS columns
                    FROM pg_constraint con
                    WHERE con.contype = 'f' AND con.confrelid = ? AND (?::int IS NULL OR ?::int = ANY (con.confkey))
                    ORDER BY 3, 1""")) {
                s.setLong(1, step.oid());
                s.setObject(2, step.attnum());
                s.setObject(3, step.attnum());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String child = rs.getString(3);
                        found.add(new DatabaseDependency(
                                "foreign-key",
                                child,
                                rs.getString(1) + " (" + rs.getString(6) + ") ON DELETE " + action(rs.getString(4))
                                        + " ON UPDATE " + action(rs.getString(5)),
                                step.depth(),
                                step.depth() == 1 ? null : step.name(),
                                "certain"));
                        long childOid = rs.getLong(2);
                        if (step.depth() < maxDepth && seen.add(childOid)) {
                            queue.add(new Step(childOid, null, child, step.depth() + 1));
                        }
                    }
                }
            }
        }
    }

    /** Tables the target's own foreign keys reference: what it needs to exist. */
    private static void references(Connection c, long oid, Integer attnum, List<DatabaseDependency> found)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT con.conname, con.confrelid::regclass::text, con.confdeltype
                FROM pg_constraint con
                WHERE con.contype = 'f' AND con.conrelid = ? AND (?::int IS NULL OR ?::int = ANY (con.conkey)) ORDER BY 1""")) {
            s.setLong(1, oid);
            s.setObject(2, attnum);
            s.setObject(3, attnum);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new DatabaseDependency(
                            "references",
                            rs.getString(2),
                            rs.getString(1) + " ON DELETE " + action(rs.getString(3)),
                            1,
                            null,
                            "certain"));
                }
            }
        }
    }

    /** Views and materialized views that select from the target (the column itself, when one is given), and theirs. */
    private static void views(
            Connection c, long oid, Integer attnum, String name, int maxDepth, List<DatabaseDependency> found)
            throws SQLException {
        record Step(long oid, Integer attnum, String name, int depth) {}
        Deque<Step> queue = new ArrayDeque<>(List.of(new Step(oid, attnum, name, 1)));
        Set<Long> seen = new HashSet<>(Set.of(oid));
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT DISTINCT v.oid, v.oid::regclass::text, v.relkind
                    FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
                    WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ?
                      AND v.oid <> ? AND (?::int IS NULL OR d.refobjsubid = ?::int) ORDER BY 2""")) {
                s.setLong(1, step.oid());
                s.setLong(2, step.oid());
                s.setObject(3, step.attnum());
                s.setObject(4, step.attnum());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        boolean materialized = rs.getString(3).equals("m");
                        found.add(new DatabaseDependency(
                                materialized ? "materialized-view" : "view",
                                rs.getString(2),
                                step.attnum() == null ? "selects from " + step.name() : "selects the column",
                                step.depth(),
                                step.depth() == 1 ? null : step.name(),
                                "certain"));
                        if (step.depth() < maxDepth && seen.add(rs.getLong(1))) {
                            queue.add(new Step(rs.getLong(1), null, rs.getString(2), step.depth() + 1));
                        }
                    }
                }
            }
        }
    }

    private static void triggers(Connection c, long oid, Integer attnum, List<DatabaseDependency> found)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.tgname, t.tgfoid::regprocedure::text, t.tgattr::int2[]
                FROM pg_trigger t WHERE t.tgrelid = ? AND NOT t.tgisinternal
                  AND (?::int IS NULL OR cardinality(t.tgattr::int2[]) = 0 OR ?::int2 = ANY (t.tgattr::int2[])) ORDER BY 1""")) {
            s.setLong(1, oid);
            s.setObject(2, attnum);
            s.setObject(3, attnum);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new DatabaseDependency(
                            "trigger", rs.getString(1), "runs " + rs.getString(2), 1, null, "certain"));
                }
            }
        }
    }

    /**
     * An outbox kept by the database itself: a trigger on the table whose function inserts into a table named like an
     * outbox, in the same transaction as each change, and what reads that outbox — the publications and logical slots
     * that cover it (a relay outside the database, as Debezium's outbox router, otherwise). PostgreSQL records no
     * dependency for a function's body: its text is searched (as data, by a pattern over the outbox's own name), so
     * "likely".
     */
    private static void outboxes(Connection c, long oid, List<DatabaseDependency> found) throws SQLException {
        query(
                c,
                """
                SELECT t.tgname, t.tgfoid::regprocedure::text, o.oid::regclass::text,
                  (SELECT string_agg('publication ' || quote_ident(pub.pubname), ', ' ORDER BY pub.pubname)
                     FROM pg_publication pub WHERE pub.puballtables
                       OR EXISTS (SELECT 1 FROM pg_publication_rel r WHERE r.prpubid = pub.oid AND r.prrelid = o.oid)),
                  (SELECT string_agg('slot ' || quote_ident(sl.slot_name) || ' (' || sl.plugin || ')', ', ' ORDER BY sl.slot_name)
                     FROM pg_catalog.pg_replication_slots sl
                     WHERE sl.slot_type = 'logical' AND sl.database = current_database() AND (sl.plugin <> 'pgoutput' OR EXISTS (
                       SELECT 1 FROM pg_publication pub WHERE pub.puballtables
                          OR EXISTS (SELECT 1 FROM pg_publication_rel r WHERE r.prpubid = pub.oid AND r.prrelid = o.oid))))
                FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                JOIN pg_class o ON o.relkind IN ('r', 'p') AND o.relname ILIKE '%outbox%' AND o.oid <> t.tgrelid
                JOIN pg_namespace n ON n.oid = o.relnamespace
                WHERE t.tgrelid = ? AND NOT t.tgisinternal
                  AND p.prosrc ~* ('insert\\s+into\\s+("?' || regexp_replace(n.nspname, '([^a-zA-Z0-9_])', '\\\\\\1', 'g')
                      || '"?\\s*\\.\\s*)?"?' || regexp_replace(o.relname, '([^a-zA-Z0-9_])', '\\\\\\1', 'g') || '"?([\\s(]|$)')
                ORDER BY 3, 1""",
                oid,
                rs -> {
                    String readers = java.util.stream.Stream.of(rs.getString(4), rs.getString(5))
                            .filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.joining(", "));
                    return new DatabaseDependency(
                            "outbox",
                            rs.getString(3),
                            "trigger " + rs.getString(1) + " (" + rs.getString(2)
                                    + ") writes it in the same transaction"
                                    + " as each change of the table; "
                                    + (readers.isEmpty()
                                            ? "no publication or logical slot covers it: a relay outside the database reads"
                                                    + " it (see the code's connectors)"
                                            : "read by " + readers),
                            1,
                            rs.getString(1),
                            "likely");
                },
                found);
    }

    private static void indexesAndConstraints(Connection c, long oid, Integer attnum, List<DatabaseDependency> found)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                FROM pg_index i WHERE i.indrelid = ?
                  AND (?::int IS NULL OR ?::int2 = ANY (i.indkey::int2[]) OR EXISTS (SELECT 1 FROM pg_depend d
                       WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid AND d.refobjid = i.indrelid AND d.refobjsubid = ?::int))
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid)
                ORDER BY 1""")) {
            s.setLong(1, oid);
            s.setObject(2, attnum);
            s.setObject(3, attnum);
            s.setObject(4, attnum);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new DatabaseDependency("index", rs.getString(1), rs.getString(2), 1, null, "certain"));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT con.conname, pg_get_constraintdef(con.oid)
                FROM pg_constraint con WHERE con.conrelid = ? AND con.contype IN ('p', 'u', 'c', 'x')
                  AND (?::int IS NULL OR ?::int2 = ANY (con.conkey)) ORDER BY 1""")) {
            s.setLong(1, oid);
            s.setObject(2, attnum);
            s.setObject(3, attnum);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(
                            new DatabaseDependency("constraint", rs.getString(1), rs.getString(2), 1, null, "certain"));
                }
            }
        }
    }

    private static void sequencesAndDefaults(Connection c, long oid, Integer attnum, List<DatabaseDependency> found)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT q.oid::regclass::text, a.attname, d.deptype
                FROM pg_depend d JOIN pg_class q ON q.oid = d.objid AND q.relkind = 'S'
                JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE d.classid = 'pg_class'::regclass AND d.refobjid = ? AND d.deptype IN ('a', 'i')
                  AND (?::int IS NULL OR d.refobjsubid = ?::int) ORDER BY 1""")) {
            s.setLong(1, oid);
            s.setObject(2, attnum);
            s.setObject(3, attnum);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new DatabaseDependency(
                            "sequence",
                            rs.getString(1),
                            (rs.getString(3).equals("i") ? "identity of " : "owned by ") + rs.getString(2),
                            1,
                            null,
                            "certain"));
                }
            }
        }
        if (attnum == null) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT a.attname, pg_get_expr(ad.adbin, ad.adrelid), a.attgenerated
                FROM pg_attrdef ad JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
                JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
                WHERE d.refobjid = ? AND d.refobjsubid = ? AND a.attnum <> ? ORDER BY 1""")) {
            s.setLong(1, oid);
            s.setInt(2, attnum);
            s.setInt(3, attnum);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean generated = !rs.getString(3).isEmpty();
                    found.add(new DatabaseDependency(
                            generated ? "generated-column" : "default",
                            rs.getString(1),
                            (generated ? "GENERATED ALWAYS AS (" : "DEFAULT (") + rs.getString(2) + ")",
                            1,
                            null,
                            "certain"));
                }
            }
        }
    }

    private static void policiesPublicationsPartitions(Connection c, long oid, List<DatabaseDependency> found)
            throws SQLException {
        query(
                c,
                "SELECT polname, pg_get_expr(polqual, polrelid) FROM pg_policy WHERE polrelid = ? ORDER BY 1",
                oid,
                rs -> new DatabaseDependency(
                        "policy",
                        rs.getString(1),
                        "row-level security USING (" + rs.getString(2) + ")",
                        1,
                        null,
                        "certain"),
                found);
        query(
                c,
                """
                SELECT p.pubname FROM pg_publication p WHERE p.puballtables
                   OR EXISTS (SELECT 1 FROM pg_publication_rel r WHERE r.prpubid = p.oid AND r.prrelid = ?) ORDER BY 1""",
                oid,
                rs -> new DatabaseDependency(
                        "publication", rs.getString(1), "replicates the table's changes", 1, null, "certain"),
                found);
        // a logical slot's consumer reads the changes: through a publication (pgoutput), or of every table (other
        // plugins)
        query(
                c,
                """
                SELECT s.slot_name, s.plugin, s.active FROM pg_catalog.pg_replication_slots s
                WHERE s.slot_type = 'logical' AND s.database = current_database() AND (s.plugin <> 'pgoutput' OR EXISTS (
                  SELECT 1 FROM pg_publication p WHERE p.puballtables
                     OR EXISTS (SELECT 1 FROM pg_publication_rel r WHERE r.prpubid = p.oid AND r.prrelid = ?))) ORDER BY 1""",
                oid,
                rs -> new DatabaseDependency(
                        "replication-slot",
                        rs.getString(1),
                        "logical decoding with " + rs.getString(2)
                                + (rs.getString(2).equals("pgoutput")
                                        ? " of a publication that covers the table"
                                        : ", which streams every table's changes")
                                + (rs.getBoolean(3)
                                        ? "; a consumer (a subscriber, Debezium, a relay) is reading it now"
                                        : "; no consumer is connected now, the changes wait in the slot"),
                        1,
                        null,
                        rs.getString(2).equals("pgoutput") ? "likely" : "certain"),
                found);
        query(
                c,
                "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = ? ORDER BY 1",
                oid,
                rs -> new DatabaseDependency(
                        "partition", rs.getString(1), "partition or child table", 1, null, "certain"),
                found);
        query(
                c,
                "SELECT inhparent::regclass::text FROM pg_inherits WHERE inhrelid = ? ORDER BY 1",
                oid,
                rs -> new DatabaseDependency(
                        "parent", rs.getString(1), "the target is its partition or child", 1, null, "certain"),
                found);
    }

    private interface Row {
        DatabaseDependency of(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, long oid, Row row, List<DatabaseDependency> found)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setLong(1, oid);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(row.of(rs));
                }
            }
        }
    }

    /**
     * Functions and procedures whose body names the table (and the column, when one is given). PostgreSQL records no
     * dependency for a body, so this reads the text: "likely", and "unknown" when the body builds SQL at run time.
     */
    private static void functionBodies(Connection c, DependencyTarget t, List<DatabaseDependency> found)
            throws SQLException {
        Pattern table = Pattern.compile(
                "(?i)(?<![\\w.])(" + Pattern.quote(t.schema()) + "\\.)?" + Pattern.quote(t.table()) + "(?!\\w)");
        Pattern column =
                t.column() == null ? null : Pattern.compile("(?i)(?<!\\w)" + Pattern.quote(t.column()) + "(?!\\w)");
        Pattern dynamic = Pattern.compile("(?i)\\bEXECUTE\\s+(?!')");
        try (PreparedStatement s =
                        c.prepareStatement("""
                SELECT p.oid::regprocedure::text, p.prosrc, l.lanname, p.prokind
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
                WHERE l.lanname IN ('sql', 'plpgsql') AND """ + " " + dev.schemaguard.tools.sql.UserSchemas.FILTER + " ORDER BY 1");
                ResultSet rs = s.executeQuery()) {
            Set<String> seen = new LinkedHashSet<>();
            while (rs.next()) {
                String body = rs.getString(2);
                String kind = rs.getString(4).equals("p") ? "procedure" : "function";
                boolean namesTable = table.matcher(body).find();
                if (namesTable && (column == null || column.matcher(body).find()) && seen.add(rs.getString(1))) {
                    found.add(new DatabaseDependency(
                            kind,
                            rs.getString(1),
                            "its " + rs.getString(3).toLowerCase(Locale.ROOT) + " body names "
                                    + (column == null ? t.qualifiedTable() : t + " (table and column)"),
                            1,
                            null,
                            "likely"));
                } else if (dynamic.matcher(body).find() && seen.add(rs.getString(1))) {
                    found.add(new DatabaseDependency(
                            kind,
                            rs.getString(1),
                            "builds SQL at run time (EXECUTE): what it touches cannot be read",
                            1,
                            null,
                            "unknown"));
                }
            }
        }
    }
}
