package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.deps.DependencyReport;
import dev.schemaguard.tools.deps.MapDependencies;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code map_dependencies}: what in the database breaks if a table or column changes (the code side comes later). */
public final class MapDependenciesTool extends ToolAdapter {

    private final MapDependencies deps;

    public MapDependenciesTool(MapDependencies deps) {
        this.deps = deps;
    }

    @Override
    protected String name() {
        return "map_dependencies";
    }

    @Override
    protected String title() {
        return "Map what depends on a table or column";
    }

    @Override
    protected String description() {
        return "Who breaks if `target` (schema.table or schema.table.column) changes, in `environment`'s database: foreign "
                + "keys referencing it (with ON DELETE / ON UPDATE actions, followed to `depth`), the tables it references, "
                + "views and materialized views selecting it (down to the column, views of views followed), triggers and "
                + "their functions, indexes, constraints, owned and identity sequences, defaults and generated columns "
                + "using the column, row-level security policies, publications, partitions and parents, and functions or "
                + "procedures whose bodies name it (likely; SQL built at run time is flagged unknown). Every answer lists what "
                + "was not looked at (application code is not scanned yet). With a Mermaid diagram. Only reads the catalog.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        DependencyReport report = deps.map(args.requiredString("environment"), args.requiredString("target"), args.integer("depth"));
        return new Answer(report, report.toText());
    }
}
