package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.server.mcp.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.input.MigrationSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = {"Run a migration on a disposable copy of an environment's schema (the dry_run tool); the environment is only read.",
                "Exit code 1 when a statement fails."})
final class DryRunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "MIGRATION", description = "Migration files or directories")
    List<String> paths;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment whose schema is copied")
    String environment;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--sample-rows", defaultValue = "0", paramLabel = "N",
            description = "Copy up to N rows per table from the environment (personal-looking text masked) to catch data-dependent failures")
    int sampleRows;

    @Option(names = "--no-transaction", description = "Plain .sql files are not wrapped in a transaction by the migration tool")
    boolean noTransaction;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        DryRunReport report;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            report = new DryRun(new JdbcEnvironments(config), sandboxes)
                    .run(environment, MigrationSources.of(null, paths, !noTransaction && config.lint().assumeInTransaction()),
                            sampleRows, dev.schemaguard.tools.ProgressListener.NONE);
        }
        spec.commandLine().getOut().print(format == OutputFormat.json ? Json.pretty(report) + "\n" : report.toText());
        spec.commandLine().getOut().flush();
        return report.verdict().equals("ok") ? SchemaguardMain.OK : SchemaguardMain.TOOL_FAILURE;
    }
}
