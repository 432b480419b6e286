package dev.schemaguard.server.cli;

import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.inspect.InspectRequest;
import dev.schemaguard.tools.inspect.InspectResult;
import dev.schemaguard.tools.inspect.InspectSchema;
import dev.schemaguard.tools.schema.ObjectKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show an environment's schema (the inspect_schema tool): a summary page, or one table in full.")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment from schemaguard.yaml")
    String environment;

    @Option(
            names = "--table",
            paramLabel = "SCHEMA.NAME",
            description = "One table, view or materialized view in full detail")
    String table;

    @Option(names = "--schema", description = "Only objects in this schema")
    String schema;

    @Option(names = "--name", paramLabel = "GLOB", description = "Only objects whose name matches (* and ?)")
    String namePattern;

    @Option(
            names = "--kinds",
            split = ",",
            paramLabel = "KIND",
            description =
                    "Only these kinds: table, view, materialized_view, sequence, enum, domain, function, procedure, trigger, index")
    List<String> kinds;

    @Option(names = "--detail", paramLabel = "summary|full", description = "Default: full when it fits the budget")
    String detail;

    @Option(names = "--cursor", description = "nextCursor of the previous page")
    String cursor;

    @Option(names = "--budget", paramLabel = "TOKENS", description = "Upper bound on the answer's size in tokens")
    Integer budget;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        InspectSchema inspect = new InspectSchema(new JdbcEnvironments(config), config.inspectBudgetTokens());
        InspectResult result = inspect.inspect(new InspectRequest(
                environment,
                table,
                schema,
                namePattern,
                kinds(),
                detail == null ? null : InspectRequest.Detail.valueOf(detail.toUpperCase(Locale.ROOT)),
                cursor,
                budget));
        spec.commandLine()
                .getOut()
                .print(
                        format == OutputFormat.json
                                ? Json.pretty(result) + "\n"
                                : CliWords.of(result.toText()).replace("in the structured result", "in --format json"));
        spec.commandLine().getOut().flush();
        return SchemaguardMain.OK;
    }

    private EnumSet<ObjectKind> kinds() {
        if (kinds == null) {
            return null;
        }
        EnumSet<ObjectKind> result = EnumSet.noneOf(ObjectKind.class);
        for (String kind : kinds) {
            try {
                result.add(ObjectKind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "Unknown kind '" + kind + "' for --kinds");
            }
        }
        return result;
    }
}
