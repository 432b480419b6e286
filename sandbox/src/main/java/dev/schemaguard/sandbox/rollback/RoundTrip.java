package dev.schemaguard.sandbox.rollback;

import dev.schemaguard.sandbox.CancellableStatement;
import dev.schemaguard.sandbox.CreatedRoles;
import dev.schemaguard.sandbox.DataSample;
import dev.schemaguard.sandbox.MigrationSize;
import dev.schemaguard.sandbox.Sandbox;
import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.rollback.Rollback;
import dev.schemaguard.tools.rollback.RollbackGenerator;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code generate_rollback} use case: on a sandbox copy of the environment's schema, run the migration, take (or
 * generate) its down migration, run that, and compare the schema with the original; then run the migration again.
 * A down migration that ships with it (Flyway {@code U…}, {@code *.down.sql}, dbmate's down section, Liquibase
 * {@code --rollback}) is checked instead of generating one.
 */
public final class RoundTrip {

    private static final Set<String> DOWN_ROLES = Set.of("down", "undo", "rollback");

    private final Environments environments;
    private final SandboxProvider sandboxes;
    private final RollbackGenerator generator = new RollbackGenerator();

    public RoundTrip(Environments environments, SandboxProvider sandboxes) {
        this.environments = environments;
        this.sandboxes = sandboxes;
    }

    /**
     * @param sampleRows       rows per table copied from the target (masked), whose return the proof checks too; 0 for none
     * @param exactColumnOrder a table whose column would come back last is made again instead (its rows copied)
     */
    public record Options(int sampleRows, boolean exactColumnOrder) {

        public static final Options DEFAULT = new Options(0, false);
    }

    public RoundTripReport run(String environment, List<MigrationUnit> units) {
        return run(environment, units, Options.DEFAULT);
    }

    public RoundTripReport run(String environment, List<MigrationUnit> units, int sampleRows) {
        return run(environment, units, new Options(sampleRows, false));
    }

    public RoundTripReport run(String environment, List<MigrationUnit> units, Options options) {
        return run(TargetSchema.read(environments, environment), units, options);
    }

    /** On a target schema already read (check_migration reads it once for all its steps). */
    public RoundTripReport run(TargetSchema targetSchema, List<MigrationUnit> units) {
        return run(targetSchema, units, Options.DEFAULT);
    }

    public RoundTripReport run(TargetSchema targetSchema, List<MigrationUnit> units, Options options) {
        MigrationSize.requireWithinLimits(units);
        int sampleRows = options.sampleRows();
        long started = System.nanoTime();
        String environment = targetSchema.environment();
        List<MigrationUnit> up =
                units.stream().filter(u -> !DOWN_ROLES.contains(u.role())).toList();
        List<MigrationUnit> down =
                units.stream().filter(u -> DOWN_ROLES.contains(u.role())).toList();
        if (up.isEmpty()) {
            throw new ToolException("No up migration given: only down or rollback files.");
        }
        DataSample sample =
                sampleRows > 0 ? new DataSample(environments, environment, sampleRows, sandboxes.masking()) : null;
        try (Sandbox sandbox = CreatedRoles.droppedOnClose(sandboxes.create(targetSchema, sample), up)) {
            Proof proof = new Proof(environment, sandbox, started);
            SchemaScript before = sandbox.initialSchema();
            DataFingerprint dataBefore = sample == null ? null : fingerprint(sandbox);
            String failure = runAll(sandbox, up);
            if (failure != null) {
                return proof.failed(
                        "generated",
                        "",
                        List.of(),
                        List.of(),
                        List.of(),
                        "the migration itself fails at " + failure
                                + ": fix the migration first (dry_run runs it statement by statement)");
            }
            SchemaScript after = TargetSchema.of(sandbox);
            List<SqlStatement> upStatements = new ArrayList<>();
            up.forEach(u -> upStatements.addAll(SqlSplitter.split(u.sql(), u.file())));
            Rollback generated = generator.generate(before, after, upStatements, options.exactColumnOrder());
            Rollback rollback = down.isEmpty()
                    ? generated
                    : new Rollback(
                            statementsOf(down),
                            generated.dataLoss(),
                            List.of(),
                            List.of(),
                            String.join(
                                    ", ",
                                    down.stream()
                                            .map(MigrationUnit::file)
                                            .distinct()
                                            .toList()));
            failure = runAll(
                    sandbox, List.of(new MigrationUnit("rollback.sql", 1, rollback.sql(), true, "plain", "down")));
            if (failure != null) {
                return proof.failed(
                        rollback.source(),
                        rollback.sql(),
                        rollback.notes(),
                        rollback.dataLoss(),
                        rollback.irreversible(),
                        "the rollback fails at " + failure
                                + (rollback.irreversible().isEmpty()
                                        ? ""
                                        : " — " + rollback.irreversible().get(0)));
            }
            SchemaScript restored = TargetSchema.of(sandbox);
            List<String> differences = new ArrayList<>();
            for (SchemaScript.Change change : before.diff(restored, true).changes()) {
                differences.add((change.after() == null
                                ? "missing after the rollback: "
                                : change.before() == null
                                        ? "left over after the rollback: "
                                        : "differs after the rollback: ")
                        + change.key());
            }
            List<String> notes = new ArrayList<>(rollback.notes());
            List<String> reordered = before.diff(restored).changes().stream()
                    .filter(SchemaScript.Change::columnOrderOnly)
                    .map(c -> c.before().name())
                    .toList();
            if (!reordered.isEmpty()) {
                notes.add(
                        "column order differs in " + String.join(", ", reordered)
                                + ": a column dropped and added again comes last; its "
                                + "name, type and constraints are back, but SELECT * and INSERT without a column list see another order");
            }
            List<RoundTripReport.TableData> data =
                    dataBefore == null ? List.of() : dataBefore.compare(fingerprint(sandbox));
            List<RoundTripReport.TableData> lost =
                    data.stream().filter(t -> !t.restored()).toList();
            if (!lost.isEmpty() && rollback.dataLoss().isEmpty()) {
                notes.add("the sample rows did not all come back: "
                        + String.join(
                                ", ",
                                lost.stream()
                                        .map(RoundTripReport.TableData::table)
                                        .toList()));
            }
            String again = runAll(sandbox, up);
            String verdict;
            String cause = null;
            if (!differences.isEmpty()) {
                verdict = "failed";
                cause = !rollback.irreversible().isEmpty()
                        ? "the rollback cannot undo this: "
                                + rollback.irreversible().get(0)
                        : "after the rollback " + differences.get(0)
                                + (differences.size() > 1 ? " (and " + (differences.size() - 1) + " more)" : "")
                                + ": write that part of the down migration by hand";
            } else if (again != null) {
                verdict = "failed";
                cause = "the migration does not apply again after the rollback: " + again;
            } else {
                verdict = rollback.dataLoss().isEmpty() && reordered.isEmpty() && lost.isEmpty()
                        ? "verified"
                        : "verified-with-data-loss";
            }
            return proof.report(
                    verdict,
                    rollback.source(),
                    rollback.sql(),
                    cause,
                    notes,
                    rollback.dataLoss(),
                    rollback.irreversible(),
                    differences,
                    data,
                    again == null);
        }
    }

    private static DataFingerprint fingerprint(Sandbox sandbox) {
        try (Connection c = sandbox.connect()) {
            return DataFingerprint.of(c);
        } catch (SQLException e) {
            throw new ToolException("Cannot read the sandbox's rows: " + e.getMessage());
        }
    }

    /** What every report of one run shares. */
    private record Proof(String environment, Sandbox sandbox, long started) {

        RoundTripReport failed(
                String source,
                String sql,
                List<String> notes,
                List<String> dataLoss,
                List<String> irreversible,
                String cause) {
            return report("failed", source, sql, cause, notes, dataLoss, irreversible, List.of(), List.of(), null);
        }

        RoundTripReport report(
                String verdict,
                String source,
                String sql,
                String cause,
                List<String> notes,
                List<String> dataLoss,
                List<String> irreversible,
                List<String> differences,
                List<RoundTripReport.TableData> data,
                Boolean reapplicable) {
            return new RoundTripReport(
                    environment,
                    sandbox.description(),
                    verdict,
                    source,
                    sql,
                    sandbox.cloneDifferences(),
                    cause,
                    notes,
                    dataLoss,
                    irreversible,
                    differences,
                    data,
                    reapplicable,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static List<String> statementsOf(List<MigrationUnit> units) {
        List<String> statements = new ArrayList<>();
        for (MigrationUnit u : units) {
            SqlSplitter.split(u.sql(), u.file()).stream()
                    .filter(s -> s.kind() == SqlStatement.Kind.SQL)
                    .forEach(s -> statements.add(s.text()));
        }
        return statements;
    }

    /** Runs the units as their tool would; the first error, as "file:line: message", or null. */
    private static String runAll(Sandbox sandbox, List<MigrationUnit> units) {
        for (MigrationUnit unit : units) {
            try (Connection c = sandbox.connectForMigration();
                    Statement s = c.createStatement()) {
                c.setAutoCommit(!unit.inTransaction());
                for (SqlStatement statement : SqlSplitter.split(unit.sql(), unit.file())) {
                    if (statement.kind() != SqlStatement.Kind.SQL) {
                        continue;
                    }
                    try {
                        CancellableStatement.execute(s, statement.text());
                    } catch (SQLException e) {
                        return unit.file() + ":" + (statement.line() + unit.firstLine() - 1) + ": "
                                + TargetSchema.firstLine(e.getMessage());
                    }
                }
                if (unit.inTransaction()) {
                    c.commit();
                }
            } catch (SQLException e) {
                return unit.file() + ": " + TargetSchema.firstLine(e.getMessage());
            }
        }
        return null;
    }
}
