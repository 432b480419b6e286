package dev.schemaguard.server.cli;

import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.deps.DependencyReport;
import dev.schemaguard.tools.deps.MapDependencies;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(
        name = "deps",
        mixinStandardHelpOptions = true,
        description =
                "Who breaks if a table or column changes: the database (--env) and application code (--code ROOT…), "
                        + "the map_dependencies tool. Reads only.")
final class DepsCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        mermaid,
        dot
    }

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "TARGET", description = "schema.table or schema.table.column")
    String target;

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description = "Environment whose database is read (without it: the code side alone)")
    String environment;

    @Option(
            names = "--code",
            split = ",",
            paramLabel = "ROOT",
            description =
                    "A code root to scan; repeat the option (or separate with commas) for several. Without: the database side alone")
    java.util.List<java.nio.file.Path> roots = new java.util.ArrayList<>();

    @Option(
            names = "--depth",
            paramLabel = "N",
            description = "How far to follow views of views and foreign-key chains (default 3)")
    Integer depth;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, json, mermaid or dot (default: ${DEFAULT-VALUE})")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        DependencyReport report = new MapDependencies(new JdbcEnvironments(config), config.codeServices())
                .map(
                        environment,
                        target,
                        depth,
                        roots.isEmpty() ? config.codeRoots() : roots,
                        TerminalProgress.forThisProcess());
        String out = switch (format) {
            case json -> Json.pretty(report) + "\n";
            case mermaid -> report.mermaid();
            case dot -> report.dot();
            case text -> report.toText();
        };
        spec.commandLine().getOut().print(TerminalText.safe(out));
        spec.commandLine().getOut().flush();
        return SchemaguardMain.OK;
    }
}
