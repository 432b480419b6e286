package dev.schemaguard.policies.apply;

import dev.schemaguard.policies.classify.ChangeClass;
import dev.schemaguard.policies.classify.ClassifiedStatement;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.input.TransactionBlocks;
import dev.schemaguard.tools.sql.SessionSettings;
import dev.schemaguard.tools.sql.SingleStatementCheck;
import dev.schemaguard.tools.sql.SqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs an approved (or allowed) migration on its environment:
 * <ul>
 *   <li>one apply per environment at a time (a PostgreSQL advisory lock held for the whole apply);</li>
 *   <li>the policy's lock_timeout and statement_timeout;</li>
 *   <li>one transaction when every statement can run in one, otherwise one per statement (and none for the
 *       statements PostgreSQL refuses inside a transaction block, such as CREATE INDEX CONCURRENTLY);</li>
 *   <li>a row in {@code schemaguard.schemaguard_history} that refuses the same SQL twice;</li>
 *   <li>a DML statement touching more rows than the policy allows is rolled back;</li>
 *   <li>with backup-before-destructive, the table a destructive statement changes is copied first.</li>
 * </ul>
 */
public final class MigrationExecutor {

    /** First key of the advisory lock pair: "SG". */
    private static final int LOCK_NAMESPACE = 0x5347;

    private final Environments environments;

    public MigrationExecutor(Environments environments) {
        this.environments = environments;
    }

    public record Plan(
            String environment,
            String sql,
            String sqlSha256,
            List<ClassifiedStatement> statements,
            Duration lockTimeout,
            Duration statementTimeout,
            Long maxDmlRows,
            boolean backupBeforeDestructive,
            String requester,
            List<String> approvers,
            String approvalId) {}

    public ApplyOutcome apply(Plan plan) {
        if (plan.sql().indexOf('\0') >= 0) {
            throw new ToolException(
                    "The migration holds a NUL character (\\0), which PostgreSQL cannot store or run; remove it.");
        }
        List<ClassifiedStatement> toRun = plan.statements().stream()
                .filter(s -> !s.isTransactionWrapper(plan.statements().size()))
                .toList();
        for (ClassifiedStatement s : toRun) {
            if (plan.backupBeforeDestructive()
                    && s.is(ChangeClass.DESTRUCTIVE)
                    && s.table() == null
                    && !removesNoRows(s)) {
                throw new ToolException("Statement " + (s.index() + 1) + " (line " + s.line() + ", " + s.kind()
                        + ") is destructive and the "
                        + "policy asks for a backup first, but what it removes cannot be known before it runs (no single table). "
                        + "Split it into statements on named tables, or have it applied by hand.");
            }
            String problem = SingleStatementCheck.problem(s.text(), true);
            if (problem != null) {
                throw new ToolException(
                        "Statement " + (s.index() + 1) + " (line " + s.line() + ") is refused: " + problem + ".");
            }
        }
        boolean transactional = toRun.stream().allMatch(MigrationExecutor::canRunInTransaction);
        String historyId = UUID.randomUUID().toString();
        try (Connection c = environments.openForChange(plan.environment())) {
            c.setAutoCommit(true);
            lockEnvironment(c, plan.environment());
            try {
                ensureHistoryTable(c);
                refuseIfApplied(c, plan.sqlSha256());
                try (Statement s = c.createStatement()) {
                    // known settings to start from: the text is read as the guard read it, whatever the role's defaults
                    // say
                    s.execute("SET standard_conforming_strings = on");
                    s.execute("SET backslash_quote = safe_encoding");
                    // only a superuser may set it (even to its default): read, and refuse a session where triggers are
                    // off
                    try (ResultSet rs =
                            s.executeQuery("SELECT pg_catalog.current_setting('session_replication_role')")) {
                        rs.next();
                        if (!"origin".equals(rs.getString(1))) {
                            throw new ToolException(
                                    "Apply on '" + plan.environment() + "' refused: its sessions run with "
                                            + "session_replication_role = " + rs.getString(1)
                                            + ", where triggers and rules do not fire, "
                                            + "so the migration would not do what was checked. Reset it for the environment's user.");
                        }
                    }
                    s.execute("SET lock_timeout = " + plan.lockTimeout().toMillis());
                    s.execute(
                            "SET statement_timeout = " + plan.statementTimeout().toMillis());
                    if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
                        // If this process dies mid-statement, the server notices within a second and rolls back,
                        // instead
                        // of holding the migration's locks until the statement ends on its own.
                        s.execute("SET client_connection_check_interval = 1000");
                    }
                }
                return run(c, plan, toRun, transactional, historyId);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(" + LOCK_NAMESPACE + ", hashtext("
                            + literal(plan.environment()) + "))");
                }
            }
        } catch (SQLException e) {
            throw new ToolException("Apply on '" + plan.environment() + "' could not start: " + e.getMessage());
        }
    }

    private ApplyOutcome run(
            Connection c, Plan plan, List<ClassifiedStatement> toRun, boolean transactional, String historyId)
            throws SQLException {
        long start = System.nanoTime();
        if (!transactional) {
            // Statements that commit one by one: the history says "running" before the first of them, so that whatever
            // happens next (a crash, a lost connection), the same migration is never run a second time.
            recordHistory(
                    c, plan, new ApplyOutcome(historyId, "running", false, toRun.size(), 0, 0, null, null, List.of()));
        }
        List<String> backups = new ArrayList<>();
        int applied = 0;
        ClassifiedStatement current = null;
        try {
            if (transactional) {
                c.setAutoCommit(false);
            }
            for (ClassifiedStatement s : toRun) {
                current = s;
                boolean ownTransaction = !transactional && canRunInTransaction(s);
                if (ownTransaction) {
                    c.setAutoCommit(false);
                }
                if (plan.backupBeforeDestructive() && s.is(ChangeClass.DESTRUCTIVE) && s.table() != null) {
                    backups.add(backup(c, historyId, s));
                }
                String notOne = SingleStatementCheck.problem(c, s.text());
                if (notOne != null) {
                    throw new SQLException("it is refused: " + notOne, "SG002");
                }
                SessionSettings settingsBefore = SessionSettings.read(c);
                try (Statement st = c.createStatement()) {
                    st.execute(s.text());
                    long rows = st.getUpdateCount();
                    List<String> changed = settingsBefore.forbiddenChanges(SessionSettings.read(c));
                    if (!changed.isEmpty()) {
                        throw new SQLException(
                                "it changed the session a migration runs in: " + String.join("; ", changed)
                                        + ". Qualify names instead of setting search_path, and leave roles, quoting and replication "
                                        + "settings to the environment; a timeout may only be set tighter than the policy's",
                                "SG003");
                    }
                    if (plan.maxDmlRows() != null && s.is(ChangeClass.DML) && rows > plan.maxDmlRows()) {
                        throw new SQLException(
                                rows + " rows changed; the policy allows at most " + plan.maxDmlRows()
                                        + " per statement (it was rolled back)",
                                "SG001");
                    }
                }
                if (ownTransaction) {
                    c.commit();
                    c.setAutoCommit(true);
                }
                applied++;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            ApplyOutcome outcome = new ApplyOutcome(
                    historyId, "applied", transactional, toRun.size(), applied, millis, null, null, backups);
            recordHistory(c, plan, outcome);
            if (transactional) {
                c.commit();
                c.setAutoCommit(true);
            }
            return outcome;
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            restoreSession(c);
            int kept = transactional ? 0 : applied;
            long millis = (System.nanoTime() - start) / 1_000_000;
            String error = (e.getSQLState() == null ? "" : "[" + e.getSQLState() + "] ") + e.getMessage();
            ApplyOutcome outcome = new ApplyOutcome(
                    historyId,
                    "failed",
                    transactional,
                    toRun.size(),
                    kept,
                    millis,
                    error,
                    current == null ? null : current.index(),
                    transactional ? List.of() : backups);
            recordHistory(c, plan, outcome);
            return outcome;
        }
    }

    /** A statement that committed on its own may have left the session changed (a role, a search_path): undone before the history is written. */
    private static void restoreSession(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("RESET SESSION AUTHORIZATION");
            s.execute("RESET ROLE");
            s.execute("RESET ALL");
        }
    }

    private String backup(Connection c, String historyId, ClassifiedStatement s) throws SQLException {
        String[] parts = s.table().split("\\.", 2);
        String copy = "h" + historyId.substring(0, 8) + "_s" + (s.index() + 1) + "_" + parts[1];
        copy = copy.length() > 63 ? copy.substring(0, 63) : copy;
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS schemaguard_backup");
            st.execute("CREATE TABLE schemaguard_backup." + ident(copy) + " AS TABLE " + ident(parts[0]) + "."
                    + ident(parts[1]));
        }
        return "schemaguard_backup." + copy + " (copy of " + s.table() + " before statement " + (s.index() + 1) + ")";
    }

    private static void ensureHistoryTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS schemaguard");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS schemaguard.schemaguard_history (
                        history_id     text PRIMARY KEY,
                        environment    text NOT NULL,
                        sql_sha256     text NOT NULL,
                        sql            text NOT NULL,
                        requester      text NOT NULL,
                        approvers      text[] NOT NULL DEFAULT '{}',
                        approval_id    text,
                        finished_at    timestamptz NOT NULL DEFAULT now(),
                        duration_ms    bigint NOT NULL,
                        outcome        text NOT NULL,
                        transactional  boolean NOT NULL,
                        statements     int NOT NULL,
                        statements_applied int NOT NULL,
                        error          text,
                        backups        text[] NOT NULL DEFAULT '{}')""");
            // 'running': a migration that commits statement by statement, recorded before its first statement
            boolean upToDate;
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = "
                    + "'schemaguard.schemaguard_history'::regclass AND conname = 'schemaguard_history_outcome_check' "
                    + "AND pg_get_constraintdef(oid) LIKE '%running%')")) {
                rs.next();
                upToDate = rs.getBoolean(1);
            }
            if (!upToDate) { // a history table made by an earlier version
                s.execute(
                        "ALTER TABLE schemaguard.schemaguard_history DROP CONSTRAINT IF EXISTS schemaguard_history_outcome_check");
                s.execute(
                        "ALTER TABLE schemaguard.schemaguard_history ADD CONSTRAINT schemaguard_history_outcome_check "
                                + "CHECK (outcome IN ('applied', 'failed', 'running'))");
                s.execute("DROP INDEX IF EXISTS schemaguard.schemaguard_history_applied_once");
            }
            s.execute(
                    "CREATE UNIQUE INDEX IF NOT EXISTS schemaguard_history_run_once ON schemaguard.schemaguard_history (sql_sha256) "
                            + "WHERE outcome IN ('applied', 'running')");
        }
    }

    private static void lockEnvironment(Connection c, String environment) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_NAMESPACE + ", hashtext("
                        + literal(environment) + "))")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new ToolException("Another apply is running on '" + environment
                        + "'; applies never overlap. Try again when it " + "has finished.");
            }
        }
    }

    /** The environment's catalog fingerprint now (an approval holds only while it is the one its check saw). */
    public String schemaFingerprint(String environment) {
        try (Connection c = environments.openReadOnly(environment)) {
            return dev.schemaguard.tools.schema.ddl.CatalogFingerprint.of(c);
        } catch (SQLException e) {
            throw new ToolException("Cannot read the catalog of '" + environment + "': " + e.getMessage());
        }
    }

    /** Refuses a migration this environment's history records as applied, before anyone is asked to approve it again. */
    public void refuseIfApplied(String environment, String sha) {
        try (Connection c = environments.openReadOnly(environment)) {
            boolean hasHistory;
            try (PreparedStatement s =
                            c.prepareStatement("SELECT to_regclass('schemaguard.schemaguard_history') IS NOT NULL");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                hasHistory = rs.getBoolean(1);
            }
            if (hasHistory) {
                refuseIfApplied(c, sha);
            }
        } catch (SQLException e) {
            throw new ToolException("Cannot read the apply history of '" + environment + "': " + e.getMessage());
        }
    }

    private static void refuseIfApplied(Connection c, String sha) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT history_id, finished_at, outcome FROM schemaguard.schemaguard_history "
                        + "WHERE sql_sha256 = ? AND outcome IN ('applied', 'running')")) {
            s.setString(1, sha);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new ToolException(
                            rs.getString(3).equals("applied")
                                    ? "This exact migration was applied already (history " + rs.getString(1) + ", "
                                            + rs.getTimestamp(2).toInstant() + "); it is not applied twice."
                                    : "This exact migration started at "
                                            + rs.getTimestamp(2).toInstant() + " (history " + rs.getString(1) + ") and "
                                            + "did not finish: some of its statements may have run. It is not run again; see what it left and finish it by hand.");
                }
            }
        }
    }

    private static void recordHistory(Connection c, Plan plan, ApplyOutcome o) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO schemaguard.schemaguard_history (history_id, environment, sql_sha256, sql, requester, approvers,
                    approval_id, duration_ms, outcome, transactional, statements, statements_applied, error, backups)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (history_id) DO UPDATE SET finished_at = now(), duration_ms = excluded.duration_ms, outcome = excluded.outcome,
                    statements_applied = excluded.statements_applied, error = excluded.error, backups = excluded.backups""")) {
            s.setString(1, o.historyId());
            s.setString(2, plan.environment());
            s.setString(3, plan.sqlSha256());
            s.setString(4, plan.sql());
            s.setString(5, plan.requester());
            s.setArray(6, c.createArrayOf("text", plan.approvers().toArray()));
            s.setString(7, plan.approvalId());
            s.setLong(8, o.millis());
            s.setString(9, o.outcome());
            s.setBoolean(10, o.transactional());
            s.setInt(11, o.statements());
            s.setInt(12, o.statementsApplied());
            s.setString(13, o.error());
            s.setArray(14, c.createArrayOf("text", o.backups().toArray()));
            s.executeUpdate();
        }
    }

    /** Whether apply runs this migration in one transaction (so its check runs it the same way). */
    public static boolean runsInOneTransaction(String sql) {
        return dev.schemaguard.tools.sql.SqlSplitter.split(sql, "migration.sql").stream()
                .allMatch(MigrationExecutor::canRunInTransaction);
    }

    /** PostgreSQL refuses these inside a transaction block. */
    static boolean canRunInTransaction(ClassifiedStatement s) {
        return canRunInTransaction(
                new SqlStatement(s.text(), s.file(), s.line(), 1, 0, "", SqlStatement.Kind.SQL, true));
    }

    private static boolean canRunInTransaction(SqlStatement statement) {
        return TransactionBlocks.canRunInTransaction(statement);
    }

    /** Destructive statements that remove definitions only, no rows: nothing to back up. */
    private static boolean removesNoRows(ClassifiedStatement s) {
        return !s.is(ChangeClass.OPAQUE)
                && !s.text().toUpperCase(java.util.Locale.ROOT).contains("CASCADE")
                && List.of(
                                "drop index",
                                "drop view",
                                "drop function",
                                "drop procedure",
                                "drop trigger",
                                "drop sequence",
                                "drop type",
                                "drop domain",
                                "drop policy",
                                "drop rule",
                                "drop extension",
                                "drop aggregate",
                                "drop operator",
                                "drop materialized",
                                "drop collation",
                                "drop statistics",
                                "drop publication",
                                "drop subscription",
                                "drop event",
                                "drop text",
                                "drop role",
                                "drop user",
                                "drop group")
                        .contains(s.kind());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
