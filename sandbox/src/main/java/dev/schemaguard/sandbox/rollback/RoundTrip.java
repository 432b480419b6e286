package dev.schemaguard.sandbox.rollback;

import dev.schemaguard.sandbox.CreatedRoles;
import dev.schemaguard.sandbox.Sandbox;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.lint.split.SqlSplitter;
import dev.schemaguard.tools.lint.split.SqlStatement;
import dev.schemaguard.tools.rollback.Rollback;
import dev.schemaguard.tools.rollback.RollbackGenerator;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

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

    public RoundTripReport run(String environment, List<MigrationUnit> units) {
        return run(TargetSchema.read(environments, environment), units);
    }

    /** On a target schema already read (check_migration reads it once for all its steps). */
    public RoundTripReport run(TargetSchema targetSchema, List<MigrationUnit> units) {
        long started = System.nanoTime();
        String environment = targetSchema.environment();
        List<MigrationUnit> up = units.stream().filter(u -> !DOWN_ROLES.contains(u.role())).toList();
        List<MigrationUnit> down = units.stream().filter(u -> DOWN_ROLES.contains(u.role())).toList();
        if (up.isEmpty()) {
            throw new ToolException("No up migration given: only down or rollback files.");
        }
        try (Sandbox sandbox = CreatedRoles.droppedOnClose(sandboxes.create(targetSchema.schema(), null, targetSchema.majorVersion()), up)) {
            SchemaScript before = TargetSchema.of(sandbox);
            String failure = runAll(sandbox, up);
            if (failure != null) {
                return report(environment, sandbox, "failed", "generated", "", List.of(), List.of(), List.of(), null,
                        "the migration itself fails (" + failure + "): see dry_run", started);
            }
            SchemaScript after = TargetSchema.of(sandbox);
            List<SqlStatement> upStatements = new ArrayList<>();
            up.forEach(u -> upStatements.addAll(SqlSplitter.split(u.sql(), u.file())));
            Rollback generated = generator.generate(before, after, upStatements);
            Rollback rollback = down.isEmpty() ? generated : new Rollback(statementsOf(down), generated.dataLoss(), List.of(),
                    String.join(", ", down.stream().map(MigrationUnit::file).distinct().toList()));
            failure = runAll(sandbox, List.of(new MigrationUnit("rollback.sql", 1, rollback.sql(), true, "plain", "down")));
            if (failure != null) {
                return report(environment, sandbox, "failed", rollback.source(), rollback.sql(), rollback.dataLoss(),
                        rollback.irreversible(), List.of(), null, "the rollback fails: " + failure, started);
            }
            SchemaScript.Diff diff = before.diff(TargetSchema.of(sandbox));
            List<String> differences = new ArrayList<>();
            diff.removed().forEach(s -> differences.add("missing after the rollback: " + TargetSchema.firstLine(s)));
            diff.added().forEach(s -> differences.add("left over after the rollback: " + TargetSchema.firstLine(s)));
            boolean reapplicable = runAll(sandbox, up) == null;
            String verdict = !differences.isEmpty() || !reapplicable ? "failed"
                    : rollback.dataLoss().isEmpty() ? "verified" : "verified-with-data-loss";
            return report(environment, sandbox, verdict, rollback.source(), rollback.sql(), rollback.dataLoss(),
                    rollback.irreversible(), differences, reapplicable,
                    reapplicable ? null : "the migration does not apply again after the rollback", started);
        }
    }

    private static List<String> statementsOf(List<MigrationUnit> units) {
        List<String> statements = new ArrayList<>();
        for (MigrationUnit u : units) {
            SqlSplitter.split(u.sql(), u.file()).stream().filter(s -> s.kind() == SqlStatement.Kind.SQL)
                    .forEach(s -> statements.add(s.text()));
        }
        return statements;
    }

    /** Runs the units as their tool would; the first error, as "file:line: message", or null. */
    private static String runAll(Sandbox sandbox, List<MigrationUnit> units) {
        for (MigrationUnit unit : units) {
            try (Connection c = sandbox.connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(!unit.inTransaction());
                for (SqlStatement statement : SqlSplitter.split(unit.sql(), unit.file())) {
                    if (statement.kind() != SqlStatement.Kind.SQL) {
                        continue;
                    }
                    try {
                        s.execute(statement.text());
                    } catch (SQLException e) {
                        return unit.file() + ":" + (statement.line() + unit.firstLine() - 1) + ": " + TargetSchema.firstLine(e.getMessage());
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

    private static RoundTripReport report(String environment, Sandbox sandbox, String verdict, String source, String sql,
                                          List<String> dataLoss, List<String> irreversible, List<String> differences,
                                          Boolean reapplicable, String failure, long started) {
        return new RoundTripReport(environment, sandbox.description(), verdict, source, sql, dataLoss, irreversible, differences,
                reapplicable, failure, (System.nanoTime() - started) / 1_000_000);
    }

}
