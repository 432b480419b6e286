package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.lint.LintMigration;
import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.MigrationFiles;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code lint_migration}: hazards in a migration (locks, rewrites, data loss, broken running code) with the safe SQL. */
public final class LintMigrationTool extends ToolAdapter {

    private final LintMigration lint = new LintMigration();

    @Override
    protected String name() {
        return "lint_migration";
    }

    @Override
    protected String title() {
        return "Lint a migration";
    }

    @Override
    protected String description() {
        return "Checks migration SQL for statements that lock tables, lose data or break running code, before anything "
                + "runs. Pass the migration as `sql`, or `paths` to .sql files or directories. Each finding has the rule, "
                + "severity, file:line, the lock it takes and a `fix`: the safe alternative written out as SQL for that "
                + "statement. Nothing is executed. First version: the SQL alone is judged (no environment's schema yet).";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        String sql = args.string("sql");
        List<String> paths = args.strings("paths");
        if ((sql == null) == (paths == null)) {
            throw new ToolException("lint_migration: pass either sql (the migration text) or paths (.sql files or directories), not "
                    + (sql == null ? "neither" : "both") + ".");
        }
        Map<String, String> files = sql != null ? new LinkedHashMap<>(Map.of("migration.sql", sql)) : MigrationFiles.read(paths);
        Boolean wrapped = args.bool("assume_in_transaction");
        LintReport report = lint.lint(files, wrapped == null || wrapped);
        return new Answer(report, report.toText());
    }
}
