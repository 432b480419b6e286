package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.LintRequest;
import dev.schemaguard.tools.lint.run.Linter;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code lint_migration}: hazards in a migration (locks, rewrites, data loss, broken running code) with the safe SQL. */
public final class LintMigrationTool extends ToolAdapter {

    private final Linter linter;

    public LintMigrationTool(Linter linter) {
        this.linter = linter;
    }

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
        return "Checks migration SQL for statements that lock tables, rewrite them, lose data or break running code, before "
                + "anything runs. Pass the migration as `sql`, or `paths` to migration files or directories (Flyway, "
                + "golang-migrate, dbmate, Liquibase or numbered .sql files). Give `environment` to judge against its live "
                + "schema: table sizes (locks on big tables become errors), column types, objects that do not exist. Each "
                + "finding has the rule, severity, file:line, the lock it takes and a `fix`: the safe alternative written "
                + "out as SQL for that statement. Nothing is executed.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        LintReport report = linter.lint(new LintRequest(
                args.string("sql"),
                args.files("paths"),
                args.string("environment"),
                args.integer("target_version"),
                args.bool("assume_in_transaction"),
                null));
        return new Answer(report, report.toText());
    }
}
