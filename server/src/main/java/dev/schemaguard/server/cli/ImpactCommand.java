package dev.schemaguard.server.cli;

import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.deps.ImpactOfMigration;
import dev.schemaguard.tools.deps.MapDependencies;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "impact",
        mixinStandardHelpOptions = true,
        description = {
            "What a migration breaks in the database (--env) and the code (--code ROOT…), statement by statement, and the "
                    + "order to deploy it (the impact_of_migration tool). Reads only.",
            "Exit code 1 when something breaks."
        })
final class ImpactCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "MIGRATION", description = "The migration file")
    Path file;

    @Option(names = "--env", paramLabel = "NAME", description = "Environment whose database objects are checked")
    String environment;

    @Option(
            names = "--code",
            split = ",",
            paramLabel = "ROOT",
            description = "A code root to scan; repeat the option (or separate with commas) for several")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SchemaguardConfig config = common.loadConfig();
        if (!Files.isRegularFile(file)) {
            throw new dev.schemaguard.tools.InputException(file + " is not a file.");
        }
        ImpactOfMigration.ImpactReport report = new ImpactOfMigration(
                        new MapDependencies(new JdbcEnvironments(config), config.codeServices()))
                .impact(
                        environment,
                        Files.readString(file),
                        roots.isEmpty() ? config.codeRoots() : roots,
                        TerminalProgress.forThisProcess());
        spec.commandLine()
                .getOut()
                .print(TerminalText.safe(format == OutputFormat.json ? Json.pretty(report) + "\n" : report.toText()));
        spec.commandLine().getOut().flush();
        boolean breaks =
                report.statements().stream().anyMatch(s -> s.change().severity().equals("breaks"));
        return breaks ? SchemaguardMain.TOOL_FAILURE : SchemaguardMain.OK;
    }
}
