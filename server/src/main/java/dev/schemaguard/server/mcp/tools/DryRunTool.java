package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.tools.lint.input.MigrationSources;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code dry_run}: the migration run on a disposable copy of an environment's schema, with what each statement did. */
public final class DryRunTool extends ToolAdapter {

    private final DryRun dryRun;

    public DryRunTool(DryRun dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    protected String name() {
        return "dry_run";
    }

    @Override
    protected String title() {
        return "Dry-run a migration on a copy";
    }

    @Override
    protected String description() {
        return "Runs a migration on a disposable copy of `environment`'s schema (an embedded PostgreSQL; the environment "
                + "itself is only read) statement by statement, as its migration tool would, and reports for each: ok or "
                + "PostgreSQL's error (SQLSTATE, message, file line), duration, the locks it took (relation, mode, what they "
                + "block), the tables and indexes it rewrote; then the schema diff. Without `sample_rows` the copy has no data and "
                + "catches what the schema decides (syntax, missing objects, types, lock levels, rewrites); with it, up to that many "
                + "rows per table are copied from the environment (personal-looking text masked), so data-dependent failures show. Sends "
                + "progress notifications per statement when the request carries a progress token.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        Boolean wrapped = args.bool("assume_in_transaction");
        DryRunReport report = dryRun.run(
                args.requiredString("environment"),
                MigrationSources.of(args.string("sql"), args.files("paths"), wrapped == null || wrapped),
                args.integer("sample_rows") == null ? 0 : args.integer("sample_rows"),
                args.progress());
        return new Answer(report, report.toText());
    }
}
