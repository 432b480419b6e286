package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.drift.CompareSchemas;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;

/** {@code compare_schemas}: how one environment's schema differs from another's (drift). */
public final class CompareSchemasTool extends ToolAdapter {

    private final CompareSchemas compare;

    public CompareSchemasTool(CompareSchemas compare) {
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
                + "object both have that differs (a table by the columns and constraints that differ). Both are only read.";
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
        CompareSchemas.Comparison comparison = compare.compare(args.requiredString("first"), args.requiredString("second"),
                ignore != null && ignore.contains("column-order"));
        return new Answer(comparison, comparison.toText());
    }
}
