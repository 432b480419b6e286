package dev.schemaguard.server.cli;

import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.EnvironmentUrls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(
        name = "environments",
        mixinStandardHelpOptions = true,
        description = "List the environments in schemaguard.yaml with their protection levels (no connection is made).")
final class EnvironmentsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        PrintWriter out = spec.commandLine().getOut();
        List<EnvironmentConfig> environments = List.copyOf(config.environments().values());
        if (format == OutputFormat.json) {
            List<Map<String, Object>> rows = environments.stream()
                    .map(e -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("name", e.name());
                        row.put("protection", e.protection().id());
                        row.put("url", EnvironmentUrls.redacted(e.url()));
                        row.put("password", e.password().describe());
                        return row;
                    })
                    .toList();
            out.println(Json.pretty(Map.of("environments", rows)));
        } else if (environments.isEmpty()) {
            out.println("No environments configured"
                    + (config.source() == null ? " (no schemaguard.yaml found)." : " in " + config.source() + "."));
        } else {
            environments.forEach(e ->
                    out.printf("%-16s %-12s %s%n", e.name(), e.protection().id(), EnvironmentUrls.redacted(e.url())));
        }
        return SchemaguardMain.OK;
    }
}
