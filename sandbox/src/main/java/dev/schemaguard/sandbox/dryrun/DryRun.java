package dev.schemaguard.sandbox.dryrun;

import dev.schemaguard.sandbox.CancellableStatement;
import dev.schemaguard.sandbox.CreatedRoles;
import dev.schemaguard.sandbox.DataSample;
import dev.schemaguard.sandbox.MigrationSize;
import dev.schemaguard.sandbox.Sandbox;
import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import dev.schemaguard.tools.sql.SessionSettings;
import dev.schemaguard.tools.sql.SingleStatementCheck;
import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dry_run} use case: the target's schema is exported (catalog reads only), rebuilt in a sandbox, and the
 * migration run there statement by statement as its tool would — inside a transaction or not — observing each
 * statement's time, rows, the relation locks it took (from pg_locks, inside the transaction) and the tables and
 * indexes it rewrote (their relfilenode changed); then the schema before and after are compared.
 */
public final class DryRun {

    /** The migration's relations: not the catalogs, and not the effects recorder's log, which every statement writes. */
    private static final String USER_RELATIONS =
            dev.schemaguard.tools.sql.UserSchemas.filterExcept(EffectsRecorder.SCHEMA);

    private final Environments environments;
    private final SandboxProvider sandboxes;

    public DryRun(Environments environments, SandboxProvider sandboxes) {
        this.environments = environments;
        this.sandboxes = sandboxes;
    }

    public DryRunReport run(String environment, List<MigrationUnit> units) {
        return run(environment, units, ProgressListener.NONE);
    }

    public DryRunReport run(String environment, List<MigrationUnit> units, ProgressListener progress) {
        return run(environment, units, 0, progress);
    }

    /**
     * @param sampleRows rows per table copied from the target (masked) so that data-dependent failures show; 0 for none
     * @param progress   told after the copy is made and after each statement
     */
    public DryRunReport run(String environment, List<MigrationUnit> units, int sampleRows, ProgressListener progress) {
        return run(TargetSchema.read(environments, environment), units, sampleRows, progress);
    }

    /** On a target schema already read (check_migration reads it once for all its steps). */
    public DryRunReport run(
            TargetSchema targetSchema, List<MigrationUnit> units, int sampleRows, ProgressListener progress) {
        MigrationSize.requireWithinLimits(units);
        long started = System.nanoTime();
        String environment = targetSchema.environment();
        SchemaScript target = targetSchema.schema();
        int targetMajor = targetSchema.majorVersion();
        DataSample sample =
                sampleRows > 0 ? new DataSample(environments, environment, sampleRows, sandboxes.masking()) : null;
        try (Sandbox sandbox = CreatedRoles.droppedOnClose(sandboxes.create(targetSchema, sample), units)) {
            SchemaScript before = sandbox.initialSchema();
            List<String> cloneDifferences = sandbox.cloneDifferences();
            List<DryRunReport.StatementResult> results = new ArrayList<>();
            int total = units.stream()
                    .mapToInt(u -> (int) SqlSplitter.split(u.sql(), u.file()).stream()
                            .filter(st -> st.kind() == SqlStatement.Kind.SQL)
                            .count())
                    .sum();
            progress.progress(0, total, "copy of '" + environment + "' ready on " + sandbox.description());
            boolean failed = false;
            String effectsNote;
            try (EffectsRecorder recorder = EffectsRecorder.install(sandbox)) {
                effectsNote = recorder.unavailable();
                for (MigrationUnit unit : units) {
                    failed = runUnit(sandbox, recorder, unit, failed, results, total, progress) || failed;
                }
            }
            SchemaScript after = TargetSchema.of(sandbox);
            SchemaScript.Diff changes = before.diff(after);
            List<String> touched = changes.changes().stream()
                    .map(c -> dev.schemaguard.tools.drift.CompareSchemas.relation(
                            c.before() != null ? c.before() : c.after()))
                    .distinct()
                    .toList();
            String versions = "";
            try (Connection c = sandbox.connect()) {
                int sandboxMajor = c.getMetaData().getDatabaseMajorVersion();
                if (sandboxMajor != targetMajor) {
                    versions = " The target runs PostgreSQL " + targetMajor + ", the sandbox " + sandboxMajor
                            + ": lock levels and errors are those of " + sandboxMajor + " and may differ in details.";
                }
            } catch (SQLException e) {
                throw new ToolException("The sandbox failed during the dry run: " + e.getMessage());
            }
            return new DryRunReport(
                    environment,
                    sandbox.description(),
                    failed ? "failed" : "ok",
                    (System.nanoTime() - started) / 1_000_000,
                    cloneDifferences,
                    results,
                    new DryRunReport.SchemaChanges(changes.added(), changes.removed(), touched, after),
                    (sample == null
                                    ? "Run on a copy of the schema without data: row counts are zero and data-dependent failures "
                                            + "(NOT NULL over existing NULLs, duplicates under a new unique index) do not show; ask for sample_rows to see them."
                                    : "Run on a copy of the schema with up to " + sampleRows
                                            + " rows per table from the target (personal-looking "
                                            + "text columns masked), taken when this schema's sandbox template was first built.")
                            + " The target was only read." + versions
                            + (targetSchema.migrationUser().superuser()
                                    ? " The target's migration role "
                                            + targetSchema.migrationUser().name()
                                            + " is a superuser; the copy runs the "
                                            + "migration as a role of the schema's every role but not a superuser, so what only a superuser may do "
                                            + "(file and program access, untrusted languages, ownership checks it skips) fails here."
                                    : "")
                            + (effectsNote == null ? "" : " " + effectsNote + "."));
        }
    }

    /** @return whether a statement of this unit failed */
    private boolean runUnit(
            Sandbox sandbox,
            EffectsRecorder recorder,
            MigrationUnit unit,
            boolean skip,
            List<DryRunReport.StatementResult> results,
            int total,
            ProgressListener progress) {
        List<SqlStatement> statements = SqlSplitter.split(unit.sql(), unit.file()).stream()
                .filter(s -> s.kind() == SqlStatement.Kind.SQL)
                .toList();
        boolean failed = skip;
        try (Connection c = sandbox.connectForMigration();
                Statement s = c.createStatement()) {
            c.setAutoCommit(!unit.inTransaction());
            Set<String> heldBefore = new LinkedHashSet<>();
            boolean ownTransaction;
            for (SqlStatement statement : statements) {
                int line = statement.line() + unit.firstLine() - 1;
                String shown = shorten(statement.text());
                if (failed) {
                    results.add(new DryRunReport.StatementResult(
                            unit.file(), line, shown, "not-run", null, null, List.of(), List.of(), null, null));
                    continue;
                }
                Map<Long, String[]> storage = storage(c);
                long t0 = System.nanoTime();
                try {
                    String notOne = SingleStatementCheck.problem(c, statement.text());
                    if (notOne != null) {
                        throw new SQLException("Refused: " + notOne, "SG002");
                    }
                    SessionSettings settingsBefore = SessionSettings.read(c);
                    List<String> targets = recorder.writeTargets(c, statement.text(), firstWord(statement.text()));
                    // a statement of a unit without a transaction runs in one of its own where it can, so that the rows
                    // it writes can be counted before it commits
                    ownTransaction = c.getAutoCommit();
                    c.setAutoCommit(false);
                    EffectsRecorder.Mark mark = recorder.mark(c);
                    boolean rowsObserved = true;
                    boolean resultSet;
                    try {
                        resultSet = CancellableStatement.execute(s, statement.text());
                    } catch (SQLException e) {
                        if (!ownTransaction || !"25001".equals(e.getSQLState())) {
                            throw e;
                        }
                        c.rollback(); // it cannot run inside a transaction block (CREATE INDEX CONCURRENTLY …):
                        // run it as it will run
                        c.setAutoCommit(true);
                        ownTransaction = false;
                        mark = recorder.mark(c);
                        rowsObserved = false;
                        resultSet = CancellableStatement.execute(s, statement.text());
                    }
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    List<String> changed = settingsBefore.forbiddenChanges(SessionSettings.read(c));
                    if (!changed.isEmpty()) {
                        throw new SQLException(
                                "Refused: it changed the session the migration runs in (" + String.join("; ", changed)
                                        + "); apply refuses it the same way",
                                "SG003");
                    }
                    StatementEffects effects = recorder.since(c, mark, targets, rowsObserved);
                    long rows = resultSet ? -1 : s.getUpdateCount();
                    List<DryRunReport.LockTaken> locks = new ArrayList<>();
                    if (unit.inTransaction()) {
                        for (DryRunReport.LockTaken lock : locks(c)) {
                            if (heldBefore.add(lock.relation() + " " + lock.mode())) {
                                locks.add(lock);
                            }
                        }
                    }
                    results.add(new DryRunReport.StatementResult(
                            unit.file(),
                            line,
                            shown,
                            "ok",
                            millis,
                            rows >= 0 ? rows : null,
                            locks,
                            rewritten(storage, storage(c)),
                            null,
                            effects));
                    if (ownTransaction) {
                        c.commit();
                        c.setAutoCommit(true);
                        ownTransaction = false;
                    }
                    progress.progress(results.size(), total, unit.file() + ":" + line + " ok in " + millis + " ms");
                } catch (SQLException e) {
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    results.add(new DryRunReport.StatementResult(
                            unit.file(),
                            line,
                            shown,
                            "error",
                            millis,
                            null,
                            List.of(),
                            List.of(),
                            new DryRunReport.Error(
                                    e.getSQLState(),
                                    TargetSchema.firstLine(e.getMessage()),
                                    errorLine(e, statement, line)),
                            null));
                    failed = true;
                    progress.progress(results.size(), total, unit.file() + ":" + line + " failed: " + e.getSQLState());
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                }
            }
            if (!c.getAutoCommit() && !failed) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new ToolException("The sandbox failed during the dry run: " + e.getMessage());
        }
        return failed && !skip;
    }

    private static String firstWord(String sql) {
        List<dev.schemaguard.tools.sql.SqlTokens.Token> tokens = dev.schemaguard.tools.sql.SqlTokens.tokenize(sql);
        return tokens.isEmpty() ? "" : tokens.get(0).value();
    }

    private static int errorLine(SQLException e, SqlStatement statement, int line) {
        if (e instanceof PSQLException p
                && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getPosition() > 0) {
            int position = Math.min(
                    p.getServerErrorMessage().getPosition() - 1,
                    statement.text().length());
            return line
                    + (int) statement
                            .text()
                            .substring(0, position)
                            .chars()
                            .filter(ch -> ch == '\n')
                            .count();
        }
        return line;
    }

    private static List<DryRunReport.LockTaken> locks(Connection c) throws SQLException {
        String sql =
                "SELECT n.nspname || '.' || r.relname, l.mode FROM pg_locks l JOIN pg_class r ON r.oid = l.relation "
                        + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND "
                        + USER_RELATIONS + " ORDER BY 1, 2";
        List<DryRunReport.LockTaken> locks = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                LockMode mode = lockMode(rs.getString(2));
                locks.add(new DryRunReport.LockTaken(rs.getString(1), mode.sqlName(), mode.blocks()));
            }
        }
        return locks;
    }

    /** "AccessExclusiveLock" → ACCESS_EXCLUSIVE. */
    static LockMode lockMode(String pgLocksMode) {
        String words = pgLocksMode
                .replaceAll("Lock$", "")
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT);
        return LockMode.valueOf(words);
    }

    private static Map<Long, String[]> storage(Connection c) throws SQLException {
        String sql =
                "SELECT r.oid, r.relfilenode, n.nspname || '.' || r.relname FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace "
                        + "WHERE r.relkind IN ('r','m','i','t') AND " + USER_RELATIONS;
        Map<Long, String[]> storage = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                storage.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return storage;
    }

    private static List<String> rewritten(Map<Long, String[]> before, Map<Long, String[]> after) {
        List<String> rewritten = new ArrayList<>();
        for (Map.Entry<Long, String[]> e : after.entrySet()) {
            String[] old = before.get(e.getKey());
            if (old != null && !old[0].equals(e.getValue()[0])) {
                rewritten.add(e.getValue()[1]);
            }
        }
        rewritten.sort(String::compareTo);
        return rewritten;
    }

    private static String shorten(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 197) + "..." : oneLine;
    }
}
