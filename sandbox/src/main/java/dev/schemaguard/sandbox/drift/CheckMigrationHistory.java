package dev.schemaguard.sandbox.drift;

import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.drift.CompareSchemas;
import dev.schemaguard.tools.drift.history.AppliedMigration;
import dev.schemaguard.tools.drift.history.HistoryTable;
import dev.schemaguard.tools.drift.history.MigrationHistoryReport;
import dev.schemaguard.tools.drift.history.MigrationOnDisk;
import dev.schemaguard.tools.drift.history.MigrationsOnDisk;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.schema.ddl.SchemaObject;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * "Is production what our migrations say it is?": an environment's history table read as its tool reads it, paired
 * with the migration files (applied, pending, edited after they ran, failed, applied without a file), and the
 * migrations the history says are applied replayed on an empty sandbox and compared with the live schema. The
 * environment is only read.
 */
public final class CheckMigrationHistory {

    private final Environments environments;
    private final SandboxProvider sandboxes;

    public CheckMigrationHistory(Environments environments, SandboxProvider sandboxes) {
        this.environments = environments;
        this.sandboxes = sandboxes;
    }

    /**
     * @param paths        the migration files or directories; empty: those configured for the environment
     * @param historyTable the table to read where the tool was configured with another name; null: the configured one,
     *                     else the tool's own
     */
    public MigrationHistoryReport check(
            String environment, List<String> paths, String historyTable, boolean replay, ProgressListener progress) {
        dev.schemaguard.tools.config.EnvironmentConfig.Drift configured =
                environments.get(environment).drift();
        if (paths == null || paths.isEmpty()) {
            paths = configured.migrations();
            if (paths.isEmpty()) {
                throw new dev.schemaguard.tools.InputException("no migrations given for '" + environment
                        + "': pass the migration " + "directory (--migrations / migrations), or set environments."
                        + environment + ".migrations in schemaguard.yaml");
            }
        }
        if (historyTable == null) {
            historyTable = configured.historyTable();
        }
        MigrationsOnDisk onDisk = MigrationsOnDisk.read(paths);
        HistoryTable table;
        List<AppliedMigration> applied;
        try (Connection c = environments.openReadOnly(environment)) {
            table = HistoryTable.find(c, onDisk.tool(), historyTable);
            applied = table == null ? List.of() : table.read(c, onDisk);
        } catch (SQLException e) {
            throw new ToolException("Reading the migration history of '" + environment + "' failed: " + e.getMessage());
        }
        MigrationHistoryReport report = MigrationHistoryReport.of(environment, onDisk, table, applied);
        return replay ? report.withReplay(replay(environment, onDisk, table, report, progress)) : report;
    }

    private MigrationHistoryReport.Replay replay(
            String environment,
            MigrationsOnDisk onDisk,
            HistoryTable table,
            MigrationHistoryReport report,
            ProgressListener progress) {
        if (table == null) {
            return MigrationHistoryReport.Replay.notReplayed(
                    "no history table of " + onDisk.tool() + ": nothing it applied to replay "
                            + "(compare_schemas / schemaguard diff compares the files with the schema as it is)");
        }
        if (onDisk.code()) {
            return MigrationHistoryReport.Replay.notReplayed(
                    onDisk.tool() + " migrations are code: they are matched with the " + "history, not run here");
        }
        if (report.migrations().stream().anyMatch(e -> e.state().equals(AppliedMigration.BASELINE))) {
            return MigrationHistoryReport.Replay.notReplayed(
                    "the history starts at a baseline (marked applied, never run): "
                            + "the schema before it is not in these files");
        }
        Set<String> replayed = Set.of(
                AppliedMigration.APPLIED, MigrationHistoryReport.EDITED, MigrationHistoryReport.CHANGED_REPEATABLE);
        Set<String> keys = new java.util.HashSet<>();
        report.migrations().stream().filter(e -> replayed.contains(e.state())).forEach(e -> keys.add(e.migration()));
        List<MigrationUnit> units = new ArrayList<>();
        for (MigrationOnDisk m : onDisk.migrations()) {
            if (keys.contains(m.key())) {
                units.addAll(m.units());
            }
        }
        TargetSchema live = TargetSchema.read(environments, environment);
        ReplayedMigrations.Result result =
                ReplayedMigrations.replay(sandboxes, "the applied migrations", units, live, progress);
        if (result.failure() != null) {
            return new MigrationHistoryReport.Replay(
                    "failed",
                    "a migration the history says is applied fails on an empty " + "database: " + result.failure(),
                    List.of());
        }
        Predicate<SchemaObject> notHistory = o -> table == null || !belongsTo(o, table);
        SchemaScript produced = result.schema().only(notHistory);
        SchemaScript actual = live.schema().only(notHistory);
        List<CompareSchemas.Difference> differences = CompareSchemas.compare(
                        "the applied migrations", produced, environment, actual, false)
                .differences();
        return new MigrationHistoryReport.Replay(
                differences.isEmpty() ? "matches" : "differs",
                differences.isEmpty()
                        ? "the live schema is what the " + keys.size() + " applied migration(s) produce"
                        : differences.size() + " object(s) differ from what the " + keys.size()
                                + " applied migration(s) produce",
                differences);
    }

    /**
     * The history table itself and what hangs on it (its key, indexes, sequence, grants), the tool's other bookkeeping
     * table beside it (Liquibase's lock, Rails' metadata), and sqitch's registry schema: the tool's, not the migrations'.
     */
    static boolean belongsTo(SchemaObject o, HistoryTable table) {
        String qualified = o.table() != null ? o.table() : o.name().replaceFirst("^(?:[A-Z]+ )+", "");
        if (table.tool().equals("sqitch")) {
            return qualified.equals(table.schema()) || CompareSchemas.inSchemas(o, Set.of(table.schema()));
        }
        List<String> tables = new ArrayList<>(List.of(table.qualified()));
        switch (table.tool()) {
            case "liquibase" -> tables.add(table.qualified() + "lock");
            case "rails" -> tables.add(table.schema() + ".ar_internal_metadata");
            default -> {}
        }
        return tables.stream()
                .anyMatch(t -> qualified.equals(t) || qualified.startsWith(t + "_") || qualified.startsWith(t + "."));
    }
}
