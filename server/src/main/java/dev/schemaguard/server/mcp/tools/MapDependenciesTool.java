package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.deps.DependencyReport;
import dev.schemaguard.tools.deps.MapDependencies;
import io.modelcontextprotocol.spec.McpSchema;

import java.nio.file.Path;
import java.util.List;

/** {@code map_dependencies}: what in the database and in the code under the roots breaks if a table or column changes. */
public final class MapDependenciesTool extends ToolAdapter {

    private final MapDependencies deps;
    private final List<Path> configuredRoots;

    /** @param configuredRoots the configuration's code.roots, used when a call names none */
    public MapDependenciesTool(MapDependencies deps, List<Path> configuredRoots) {
        this.deps = deps;
        this.configuredRoots = configuredRoots;
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
        return "Who breaks if `target` (schema.table or schema.table.column) changes. In the code under `roots` (services split "
                + "by their build files): JPA entities and columns, Spring Data derived and @Query methods, JdbcTemplate/JDBC/jOOQ SQL, "
                + "MyBatis mappers, SQL files, SQL strings in other languages — each with service, file:line, kind, read/write and "
                + "confidence. In `environment`'s database: foreign "
                + "keys referencing it (with ON DELETE / ON UPDATE actions, followed to `depth`), the tables it references, "
                + "views and materialized views selecting it (down to the column, views of views followed), triggers and "
                + "their functions, indexes, constraints, owned and identity sequences, defaults and generated columns "
                + "using the column, row-level security policies, publications, partitions and parents, and functions or "
                + "procedures whose bodies name it (likely; SQL built at run time is flagged unknown). Every answer lists what "
                + "was not looked at. With a Mermaid diagram. Give environment, roots or both; nothing is changed. A first scan of "
                + "a large code base takes a while (later ones read only changed files): progress notifications while "
                + "code is indexed when the request carries a progress token.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        DependencyReport report = deps.map(
                args.string("environment"),
                args.requiredString("target"),
                args.integer("depth"),
                args.paths("roots", configuredRoots),
                args.progress());
        return new Answer(report, report.toText());
    }
}
