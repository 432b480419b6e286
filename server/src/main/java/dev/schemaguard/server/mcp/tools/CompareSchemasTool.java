package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.sandbox.drift.ConvergeSchemas;
import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.drift.CompareSchemas;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;

/** {@code compare_schemas}: how one environment's schema differs from another's (drift). */
public final class CompareSchemasTool extends ToolAdapter {

    private final ConvergeSchemas compare;

    public CompareSchemasTool(ConvergeSchemas compare) {
        this.compare = compare;
    }

    @Override
    protected String name() {
        return "compare_schemas";
    }

    @Override
    protected String title() {
        return "How one environment's schema differs from another's";
    }

    @Override
    protected String description() {
        return "Compares the schemas of two environments, e.g. `first`=staging and `second`=prod, before trusting a migration "
                + "proven on one for the other: every object the second lacks, every object only the second has, and every "
                + "object both have that differs (a table by the columns and constraints that differ), and the SQL that makes "
                + "the second like the first, run on a sandbox copy of the second to prove it (proven, differences-remain or "
                + "failed; what it destroys is listed). Both environments are only read; the SQL is never run on them.";
    }

    @Override
    protected List<String> environmentArguments() {
        return List.of("first", "second");
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments args) {
        List<String> ignore = args.strings("ignore");
        if (ignore != null && ignore.stream().anyMatch(i -> !i.equals("column-order"))) {
            throw new InputException("compare_schemas: ignore takes only column-order.");
        }
        List<String> schemas = args.strings("schemas");
        CompareSchemas.Comparison comparison = compare.compare(args.requiredString("first"), args.requiredString("second"),
                ignore != null && ignore.contains("column-order"), schemas == null ? java.util.Set.of() : java.util.Set.copyOf(schemas));
        return new Answer(comparison, comparison.toText());
    }
}
