package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.sandbox.drift.ConvergeSchemas;
import dev.schemaguard.tools.drift.CompareSchemas;
import dev.schemaguard.tools.drift.ComparisonPage;
import dev.schemaguard.tools.drift.ComparisonScope;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;

/** {@code compare_schemas}: how one environment's schema differs from another's (drift). */
public final class CompareSchemasTool extends ToolAdapter {

    private final ConvergeSchemas compare;
    private final int defaultBudgetTokens;

    /** @param defaultBudgetTokens the largest answer unless budget_tokens says otherwise (inspect.budget-tokens) */
    public CompareSchemasTool(ConvergeSchemas compare, int defaultBudgetTokens) {
        this.compare = compare;
        this.defaultBudgetTokens = defaultBudgetTokens;
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
                + "proven on one for the other — or an environment with a migration directory or schema file (replayed on an "
                + "empty sandbox), e.g. `first`=db/migrations, `second`=prod: every object the second lacks, every object only the second has, and every "
                + "object both have that differs (a table by the columns and constraints that differ), and the SQL that makes "
                + "the second like the first, run on a sandbox copy of the second to prove it (proven, differences-remain or "
                + "failed; what it destroys is listed). Both environments are only read; the SQL is never run on them. A large answer "
                + "comes in pages within budget_tokens (differences first, then the SQL): pass nextCursor back as cursor for the next.";
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
        ComparisonScope scope = ComparisonScope.of(
                args.strings("schemas"), args.strings("tables"), args.strings("kinds"), args.strings("ignore"));
        CompareSchemas.Comparison comparison = compare.compare(side(args, "first"), side(args, "second"), scope);
        Integer budget = args.integer("budget_tokens");
        ComparisonPage page =
                ComparisonPage.of(comparison, budget == null ? defaultBudgetTokens : budget, args.string("cursor"));
        return new Answer(page, page.toText());
    }

    /** An environment's name, or a path the client may name (over HTTP, only under the configured directories). */
    private String side(ToolArguments args, String name) {
        String value = args.requiredString(name);
        return compare.isEnvironment(value) ? value : args.file(value);
    }
}
