package dev.schemaguard.sandbox.drift;

import dev.schemaguard.sandbox.CancellableStatement;
import dev.schemaguard.sandbox.MigrationSize;
import dev.schemaguard.sandbox.MigrationUser;
import dev.schemaguard.sandbox.Sandbox;
import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.schema.ddl.ObjectKind;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema a migration tree (or a schema file) produces: its forward SQL run in order on an empty sandbox — empty
 * but for the roles of the environment it is compared with, and run as that environment's migration role, so that
 * owners and grants come out as they would there (with no environment, as the database's owner) — then read back.
 */
public final class ReplayedMigrations {

    /**
     * @param schema  what the replay produced: the sandbox's schema after the last statement that ran
     * @param failure where and why a statement failed (file:line: error); null when every statement ran
     * @param target  the produced schema as a target a sandbox can copy (to prove SQL on it)
     */
    public record Result(SchemaScript schema, String failure, TargetSchema target) {}

    /**
     * With no environment to imitate, the migrations run as a new application database's do: as the owner of the
     * database (who may create in its public schema — PostgreSQL 15 and later give no one else that right).
     */
    static final MigrationUser DATABASE_OWNER =
            new MigrationUser("schemaguard_replay_owner", true, true, false, List.of(), true, true);

    private ReplayedMigrations() {}

    /**
     * @param label         how reports name what was replayed (a directory, a file)
     * @param like          the environment whose roles and migration role the replay uses; null for none
     */
    public static Result replay(
            SandboxProvider sandboxes,
            String label,
            List<MigrationUnit> units,
            TargetSchema like,
            ProgressListener progress) {
        MigrationSize.requireWithinLimits(units);
        SchemaScript roles = like == null
                ? SchemaScript.ofStatements(List.of())
                : like.schema().only(o -> o.kind() == ObjectKind.ROLE);
        TargetSchema empty = new TargetSchema(
                label,
                roles,
                like == null ? dev.schemaguard.sandbox.PostgresBinaries.DEFAULT_MAJOR : like.majorVersion(),
                like == null ? DATABASE_OWNER : like.migrationUser());
        List<MigrationUnit> forward = units.stream()
                .filter(u -> u.role().equals("up") || u.role().equals("repeatable"))
                .toList();
        try (Sandbox sandbox = sandboxes.create(empty, null)) {
            String failure = null;
            int done = 0;
            for (MigrationUnit unit : forward) {
                failure = run(sandbox, unit);
                progress.progress(++done, forward.size(), unit.file() + (failure == null ? " replayed" : " failed"));
                if (failure != null) {
                    break;
                }
            }
            SchemaScript produced = TargetSchema.of(sandbox);
            return new Result(
                    produced, failure, new TargetSchema(label, produced, empty.majorVersion(), empty.migrationUser()));
        }
    }

    /** @return file:line: error of the statement that failed, or null */
    private static String run(Sandbox sandbox, MigrationUnit unit) {
        List<SqlStatement> statements = SqlSplitter.split(unit.sql(), unit.file()).stream()
                .filter(s -> s.kind() == SqlStatement.Kind.SQL)
                .toList();
        try (Connection c = sandbox.connectForMigration();
                Statement s = c.createStatement()) {
            c.setAutoCommit(!unit.inTransaction());
            for (SqlStatement statement : statements) {
                try {
                    CancellableStatement.execute(s, statement.text());
                } catch (SQLException e) {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                    return unit.file() + ":" + (statement.line() + unit.firstLine() - 1) + ": "
                            + TargetSchema.firstLine(e.getMessage());
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return null;
        } catch (SQLException e) {
            return unit.file() + ": the sandbox failed: " + TargetSchema.firstLine(e.getMessage());
        }
    }
}
