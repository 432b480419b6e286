package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.drift.ConvergeSchemas;
import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.drift.CompareSchemas;
import dev.schemaguard.tools.drift.ComparisonScope;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description =
                "How the second side's schema differs from the first's: objects missing, extra or different (for a "
                        + "table, the columns and constraints that differ), and the SQL that makes the second like the first, proven "
                        + "on a sandbox copy of the second. A side is an environment, a migration directory or a schema file (replayed "
                        + "on an empty sandbox). Environments are only read. Exit 1 when they differ.")
final class DiffCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(
            arity = "0..2",
            paramLabel = "SIDE",
            description =
                    "The two sides, e.g. staging prod, or db/migrations prod (an environment, a migration directory or a schema file)")
    List<String> sides = List.of();

    @Option(
            names = "--env",
            arity = "2",
            paramLabel = "NAME",
            description = "The two environments, e.g. --env staging prod (the same as two SIDEs)")
    List<String> environments;

    @Option(
            names = "--ignore",
            split = ",",
            paramLabel = "WHAT",
            description =
                    "column-order (a table whose columns are the same in another order is the same), names (an index or "
                            + "constraint the same but for its name is the same)")
    List<String> ignore = List.of();

    @Option(
            names = "--schema",
            split = ",",
            paramLabel = "NAME",
            description = "Compare (and converge) only objects in these schemas (default: all)")
    List<String> schemas = List.of();

    @Option(
            names = "--table",
            split = ",",
            paramLabel = "[SCHEMA.]NAME",
            description = "Only these tables and what hangs on them (default: all)")
    List<String> tables = List.of();

    @Option(
            names = "--kind",
            split = ",",
            paramLabel = "KIND",
            description = "Only objects of these kinds, e.g. table,index,view (default: all)")
    List<String> kinds = List.of();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> both = environments != null ? environments : sides;
        if (both.size() != 2 || environments != null && !sides.isEmpty()) {
            throw new InputException(
                    "give two sides to compare: FIRST SECOND (or --env FIRST SECOND), e.g. schemaguard diff dev prod");
        }
        ComparisonScope scope = ComparisonScope.of(schemas, tables, kinds, ignore);
        SchemaguardConfig config = common.loadConfig();
        CompareSchemas.Comparison comparison;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            comparison = new ConvergeSchemas(new JdbcEnvironments(config), sandboxes)
                    .compare(both.get(0), both.get(1), scope);
        }
        spec.commandLine()
                .getOut()
                .print(
                        format == OutputFormat.json
                                ? Json.pretty(comparison) + "\n"
                                : TerminalText.safe(comparison.toText()));
        spec.commandLine().getOut().flush();
        return comparison.differences().isEmpty() ? SchemaguardMain.OK : SchemaguardMain.TOOL_FAILURE;
    }
}
