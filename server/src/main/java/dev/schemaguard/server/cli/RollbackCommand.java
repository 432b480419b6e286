package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.rollback.RoundTrip;
import dev.schemaguard.sandbox.rollback.RoundTripReport;
import dev.schemaguard.server.mcp.Json;
import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.input.MigrationSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Generate a migration's down migration and prove it on a copy of an environment's schema (the generate_rollback tool).",
                "Exit code 1 when the verdict is failed."})
final class RollbackCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "MIGRATION", description = "Migration files or directories (a down file among them is checked instead)")
    List<String> paths;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment whose schema is copied")
    String environment;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the down migration to FILE")
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        RoundTripReport report;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            report = new RoundTrip(new JdbcEnvironments(config), sandboxes)
                    .run(environment, MigrationSources.of(null, paths, config.lint().assumeInTransaction()));
        }
        if (out != null) {
            try {
                Files.writeString(out, report.rollbackSql());
            } catch (IOException e) {
                throw new InputException("Cannot write " + out + ": " + e.getMessage());
            }
        }
        spec.commandLine().getOut().print(format == OutputFormat.json ? Json.pretty(report) + "\n" : report.toText());
        spec.commandLine().getOut().flush();
        return report.verdict().equals("failed") ? SchemaguardMain.TOOL_FAILURE : SchemaguardMain.OK;
    }
}
