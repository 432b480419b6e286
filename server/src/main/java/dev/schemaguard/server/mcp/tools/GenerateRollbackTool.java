package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.sandbox.rollback.RoundTrip;
import dev.schemaguard.sandbox.rollback.RoundTripReport;
import dev.schemaguard.tools.lint.input.MigrationSources;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code generate_rollback}: the down migration for a migration, proven on a copy: up, down, compare, up again. */
public final class GenerateRollbackTool extends ToolAdapter {

    private final RoundTrip roundTrip;

    public GenerateRollbackTool(RoundTrip roundTrip) {
        this.roundTrip = roundTrip;
    }

    @Override
    protected String name() {
        return "generate_rollback";
    }

    @Override
    protected String title() {
        return "Generate and verify a rollback";
    }

    @Override
    protected String description() {
        return "Writes the down migration for a migration and proves it on a disposable copy of `environment`'s schema "
                + "(the environment itself is only read): up, then down, then the schema is compared with the original, "
                + "then up again. Verdict: verified, verified-with-data-loss (the schema comes back, but the migration "
                + "destroys data — each such statement is named with the backup to take first — or a column comes back in "
                + "another place — unless `exact_column_order` asks for the table to be made again) or failed (with the one thing to fix). With `sample_rows` the copy holds masked rows from the "
                + "environment and the proof also checks that each table's rows come back. When `paths` include the migration's own down file (Flyway U…, *.down.sql, dbmate down, "
                + "Liquibase --rollback) that one is checked instead of generating one.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        RoundTripReport report = roundTrip.run(
                args.requiredString("environment"),
                MigrationSources.of(args.string("sql"), args.files("paths"), true),
                new RoundTrip.Options(
                        args.integer("sample_rows") == null ? 0 : args.integer("sample_rows"),
                        Boolean.TRUE.equals(args.bool("exact_column_order"))));
        return new Answer(report, report.toText());
    }
}
