package dev.schemaguard.sandbox.dryrun;

import dev.schemaguard.sandbox.Sandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Records what each statement of a dry run did, as PostgreSQL saw it. Installed in the copy by its superuser before
 * the migration runs: event triggers log every DDL command and dropped object (inside functions and DO blocks too)
 * into tables the migration role may read but not write, and the copy counts calls of user functions. Around each
 * statement, on the migration's own connection (inside its transaction), the log, the transaction's row counters and
 * function calls are read before and after, and DML is EXPLAINed for the tables it writes. Removed again before the
 * copy's schema is read back, so it never shows in the schema diff.
 */
final class EffectsRecorder implements AutoCloseable {

    static final String SCHEMA = "schemaguard_effects";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> EXPLAINABLE =
            Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "SELECT", "VALUES", "TABLE", "EXECUTE");
    private static final String INSTALL = """
            CREATE SCHEMA schemaguard_effects;
            CREATE TABLE schemaguard_effects.ddl (seq bigserial PRIMARY KEY, command text, object_type text, identity text, relation text);
            CREATE TABLE schemaguard_effects.dropped (seq bigserial PRIMARY KEY, object_type text, identity text, relation text);
            CREATE FUNCTION schemaguard_effects.on_ddl() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER
              SET search_path = pg_catalog, pg_temp AS $$
            DECLARE r record; BEGIN
              FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() WHERE NOT in_extension LOOP
                INSERT INTO schemaguard_effects.ddl (command, object_type, identity, relation) VALUES (r.command_tag,
                  lower(r.object_type), r.object_identity, (SELECT n.nspname || '.' || c.relname FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = CASE r.classid
                      WHEN 'pg_class'::regclass THEN coalesce((SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = r.objid), r.objid)
                      WHEN 'pg_trigger'::regclass THEN (SELECT t.tgrelid FROM pg_trigger t WHERE t.oid = r.objid)
                      WHEN 'pg_constraint'::regclass THEN (SELECT k.conrelid FROM pg_constraint k WHERE k.oid = r.objid)
                      WHEN 'pg_policy'::regclass THEN (SELECT p.polrelid FROM pg_policy p WHERE p.oid = r.objid)
                      WHEN 'pg_rewrite'::regclass THEN (SELECT w.ev_class FROM pg_rewrite w WHERE w.oid = r.objid) END));
              END LOOP;
            END $$;
            CREATE FUNCTION schemaguard_effects.on_drop() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER
              SET search_path = pg_catalog, pg_temp AS $$
            DECLARE r record; BEGIN
              FOR r IN SELECT * FROM pg_event_trigger_dropped_objects() WHERE NOT is_temporary
                  AND object_type NOT IN ('type', 'toast table', 'default value', 'index', 'table constraint', 'rule', 'sequence')
                  OR original LOOP
                INSERT INTO schemaguard_effects.dropped (object_type, identity, relation) VALUES (r.object_type, r.object_identity,
                  CASE WHEN r.object_type IN ('table', 'view', 'materialized view', 'foreign table', 'table column', 'table constraint',
                    'trigger', 'rule', 'policy') THEN r.address_names[1] || '.' || r.address_names[2] END);
              END LOOP;
            END $$;
            CREATE EVENT TRIGGER schemaguard_effects_ddl ON ddl_command_end EXECUTE FUNCTION schemaguard_effects.on_ddl();
            CREATE EVENT TRIGGER schemaguard_effects_drop ON sql_drop EXECUTE FUNCTION schemaguard_effects.on_drop();
            GRANT USAGE ON SCHEMA schemaguard_effects TO PUBLIC;
            GRANT SELECT ON ALL TABLES IN SCHEMA schemaguard_effects TO PUBLIC;
            """;
    private static final String UNINSTALL = """
            DROP EVENT TRIGGER IF EXISTS schemaguard_effects_ddl;
            DROP EVENT TRIGGER IF EXISTS schemaguard_effects_drop;
            DROP SCHEMA IF EXISTS schemaguard_effects CASCADE;
            """;

    private final Sandbox sandbox;
    private final boolean installed;
    private final String unavailable;

    private EffectsRecorder(Sandbox sandbox, boolean installed, String unavailable) {
        this.sandbox = sandbox;
        this.installed = installed;
        this.unavailable = unavailable;
    }

    /** Installs the recorder; where the sandbox's role may not (no superuser), one that observes nothing, saying why. */
    static EffectsRecorder install(Sandbox sandbox) {
        try (Connection c = sandbox.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(INSTALL);
            s.execute("ALTER DATABASE " + quoted(c, c.getCatalog()) + " SET track_functions = 'all'");
            c.commit();
            return new EffectsRecorder(sandbox, true, null);
        } catch (SQLException e) {
            return new EffectsRecorder(
                    sandbox,
                    false,
                    "effects not observed: the sandbox's role cannot install event triggers (" + e.getMessage() + ")");
        }
    }

    /** Why effects cannot be observed here, or null when they are. */
    String unavailable() {
        return unavailable;
    }

    /** The state before a statement, read on the migration's connection. */
    Mark mark(Connection c) throws SQLException {
        if (!installed) {
            return null;
        }
        long ddl = single(c, "SELECT coalesce(max(seq), 0) FROM schemaguard_effects.ddl");
        long dropped = single(c, "SELECT coalesce(max(seq), 0) FROM schemaguard_effects.dropped");
        return new Mark(ddl, dropped, rowCounters(c), functionCalls(c));
    }

    record Mark(long ddlSeq, long droppedSeq, Map<String, long[]> rows, Map<String, long[]> calls) {}

    /** The tables a DML statement writes, from its plan (through CTEs, views, rules, MERGE); empty for other statements. */
    List<String> writeTargets(Connection c, String sql, String firstWord) {
        if (!installed || !EXPLAINABLE.contains(firstWord.toUpperCase(Locale.ROOT))) {
            return List.of();
        }
        Savepoint savepoint = null;
        try {
            if (!c.getAutoCommit()) {
                savepoint = c.setSavepoint();
            }
            Set<String> targets = new LinkedHashSet<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("EXPLAIN (VERBOSE, FORMAT JSON) " + sql)) {
                while (rs.next()) {
                    collectTargets(JSON.readTree(rs.getString(1)), targets);
                }
            }
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
            return List.copyOf(targets);
        } catch (SQLException | RuntimeException e) {
            try {
                if (savepoint != null) {
                    c.rollback(savepoint);
                }
            } catch (SQLException ignored) {
                // the statement itself runs next and reports what is wrong with the transaction
            }
            return List.of();
        }
    }

    private static void collectTargets(JsonNode node, Set<String> targets) {
        if (node.isObject() && "ModifyTable".equals(node.path("Node Type").asString(""))) {
            String operation = node.path("Operation").asString("").toLowerCase(Locale.ROOT);
            targets.add(operation + " " + node.path("Schema").asString("") + "."
                    + node.path("Relation Name").asString(""));
        }
        for (JsonNode child : node) {
            collectTargets(child, targets);
        }
    }

    /** What happened since {@code before}, read on the migration's connection before its transaction ends. */
    StatementEffects since(Connection c, Mark before, List<String> writeTargets, boolean rowsObserved)
            throws SQLException {
        if (before == null) {
            return null;
        }
        Set<String> relations = new LinkedHashSet<>();
        List<String> ddl = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT command, object_type, identity, relation FROM schemaguard_effects.ddl WHERE seq > ? ORDER BY seq")) {
            s.setLong(1, before.ddlSeq());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ddl.add(rs.getString(1) + (rs.getString(3) == null ? "" : " " + rs.getString(3)));
                    addIfPresent(relations, rs.getString(4));
                }
            }
        }
        List<String> dropped = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT object_type, identity, relation FROM schemaguard_effects.dropped WHERE seq > ? ORDER BY seq")) {
            s.setLong(1, before.droppedSeq());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    dropped.add(rs.getString(1) + " " + rs.getString(2));
                    addIfPresent(relations, rs.getString(3));
                }
            }
        }
        writeTargets.forEach(t -> relations.add(t.substring(t.indexOf(' ') + 1)));
        List<StatementEffects.RowsWritten> rows = new ArrayList<>();
        if (rowsObserved) {
            for (Map.Entry<String, long[]> e : rowCounters(c).entrySet()) {
                long[] was = before.rows().getOrDefault(e.getKey(), new long[3]);
                long[] now = e.getValue();
                if (now[0] != was[0] || now[1] != was[1] || now[2] != was[2]) {
                    rows.add(new StatementEffects.RowsWritten(
                            e.getKey(), now[0] - was[0], now[1] - was[1], now[2] - was[2]));
                    relations.add(e.getKey());
                }
            }
        }
        List<String> functions = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        for (Map.Entry<String, long[]> e : functionCalls(c).entrySet()) {
            long[] was = before.calls().get(e.getKey());
            if (was == null || e.getValue()[0] > was[0]) {
                (e.getValue()[1] == 1 ? triggers : functions).add(e.getKey());
            }
        }
        return new StatementEffects(
                List.copyOf(ddl),
                List.copyOf(dropped),
                List.copyOf(rows),
                writeTargets,
                List.copyOf(functions),
                List.copyOf(triggers),
                List.copyOf(relations),
                rowsObserved);
    }

    private static Map<String, long[]> rowCounters(Connection c) throws SQLException {
        Map<String, long[]> counters = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del "
                        + "FROM pg_catalog.pg_stat_xact_user_tables WHERE schemaname <> '" + SCHEMA + "' "
                        + "AND n_tup_ins + n_tup_upd + n_tup_del > 0")) {
            while (rs.next()) {
                counters.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        return counters;
    }

    private static Map<String, long[]> functionCalls(Connection c) throws SQLException {
        Map<String, long[]> calls = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT f.funcid::pg_catalog.regprocedure::text, f.calls, (p.prorettype = 'pg_catalog.trigger'::pg_catalog.regtype)::int "
                                + "FROM pg_catalog.pg_stat_xact_user_functions f JOIN pg_catalog.pg_proc p ON p.oid = f.funcid "
                                + "WHERE f.schemaname <> '" + SCHEMA + "'")) {
            while (rs.next()) {
                calls.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return calls;
    }

    private static void addIfPresent(Set<String> relations, String relation) {
        if (relation != null && !relation.startsWith(SCHEMA + ".")) {
            relations.add(relation);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quoted(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_catalog.quote_ident(?)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Removes the recorder before the copy's schema is read back. */
    @Override
    public void close() {
        if (!installed) {
            return;
        }
        try (Connection c = sandbox.connect();
                Statement s = c.createStatement()) {
            s.execute(UNINSTALL);
            s.execute("ALTER DATABASE " + quoted(c, c.getCatalog()) + " RESET track_functions");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the dry run's effects recorder could not be removed from the copy: " + e.getMessage(), e);
        }
    }
}
