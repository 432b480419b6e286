package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.deps.ImpactOfMigration;
import io.modelcontextprotocol.spec.McpSchema;

import java.nio.file.Path;
import java.util.List;

/** {@code impact_of_migration}: per statement, what in the database and the code breaks or changes, and the deploy order. */
public final class ImpactOfMigrationTool extends ToolAdapter {

    private final ImpactOfMigration impact;
    private final List<Path> configuredRoots;

    /** @param configuredRoots the configuration's code.roots, used when a call names none */
    public ImpactOfMigrationTool(ImpactOfMigration impact, List<Path> configuredRoots) {
        this.impact = impact;
        this.configuredRoots = configuredRoots;
    }

    @Override
    protected String name() {
        return "impact_of_migration";
    }

    @Override
    protected String title() {
        return "What a migration breaks, and the order to deploy it";
    }

    @Override
    protected String description() {
        return "For each statement of `sql` that drops or renames a table or column, changes a column's type, sets NOT NULL or "
                + "sets a foreign key's action: the database objects (in `environment`) and the code sites (under `roots`, by "
                + "service, file:line) that break or change behaviour; the services ranked by how much breaks; and, for "
                + "breaking changes, the deploy order (expand → migrate code → contract) with the services to change first. "
                + "Lists what was not looked at. Reads only. Progress notifications while code is indexed when the request "
                + "carries a progress token.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        ImpactOfMigration.ImpactReport report = impact.impact(
                args.string("environment"),
                args.requiredString("sql"),
                args.paths("roots", configuredRoots),
                args.progress());
        return new Answer(report, report.toText());
    }
}
