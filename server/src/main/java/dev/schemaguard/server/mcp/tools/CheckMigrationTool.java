package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.sandbox.check.CheckReport;
import dev.schemaguard.tools.lint.input.MigrationSources;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code check_migration}: lint, dry run and verified rollback in one report, with a verdict and a report id. */
public final class CheckMigrationTool extends ToolAdapter {

    private final CheckMigration check;

    public CheckMigrationTool(CheckMigration check) {
        this.check = check;
    }

    @Override
    protected String name() {
        return "check_migration";
    }

    @Override
    protected String title() {
        return "Check a migration before applying it";
    }

    @Override
    protected String description() {
        return "The one call to make before asking to apply a migration: lint against `environment`'s live schema, a dry "
                + "run on a disposable copy, and a generated (or shipped) rollback proven by up → down → compare. Returns "
                + "one report with a verdict — ready, review (works, but warnings or data loss to accept) or blocked — "
                + "the reasons, and a `reportId` bound to this exact migration and the environment's current schema. "
                + "The environment itself is only read. Progress notifications per step when the request carries a progress token.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        CheckReport report = check.check(
                args.requiredString("environment"),
                MigrationSources.of(args.string("sql"), args.files("paths"), true),
                args.progress());
        return new Answer(report, report.toText());
    }
}
