package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.drift.ConvergeSchemas;
import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.drift.CompareSchemas;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "How the second environment's schema differs from the first's: objects missing, extra or different "
                + "(for a table, the columns and constraints that differ), and the SQL that makes the second like the first, "
                + "proven on a sandbox copy of the second. Both are only read. Exit 1 when they differ.")
final class DiffCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--env", required = true, arity = "2", paramLabel = "NAME", description = "The two environments, e.g. --env staging prod")
    List<String> environments;

    @Option(names = "--ignore", split = ",", paramLabel = "WHAT", description = "column-order: a table whose columns are the same in another order is the same")
    List<String> ignore = List.of();

    @Option(names = "--schema", split = ",", paramLabel = "NAME", description = "Compare (and converge) only objects in these schemas (default: all)")
    List<String> schemas = List.of();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String what : ignore) {
            if (!what.equals("column-order")) {
                throw new dev.schemaguard.tools.InputException("--ignore " + what + ": only column-order can be ignored");
            }
        }
        SchemaguardConfig config = common.loadConfig();
        CompareSchemas.Comparison comparison;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            comparison = new ConvergeSchemas(new JdbcEnvironments(config), sandboxes)
                    .compare(environments.get(0), environments.get(1), ignore.contains("column-order"), java.util.Set.copyOf(schemas));
        }
        spec.commandLine().getOut().print(format == OutputFormat.json ? Json.pretty(comparison) + "\n" : TerminalText.safe(comparison.toText()));
        spec.commandLine().getOut().flush();
        return comparison.differences().isEmpty() ? SchemaguardMain.OK : SchemaguardMain.TOOL_FAILURE;
    }
}
