package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(
        name = "dry-run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a migration on a disposable copy of an environment's schema (the dry_run tool); the environment is only read.",
            "Exit code 1 when a statement fails."
        })
final class DryRunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SandboxedMigrationOptions migration;

    @Option(
            names = "--sample-rows",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Copy up to N rows per table from the environment (personal-looking text masked) to catch data-dependent failures")
    int sampleRows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        DryRunReport report;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            report = new DryRun(new JdbcEnvironments(config), sandboxes)
                    .run(migration.environment, migration.units(config), sampleRows, TerminalProgress.forThisProcess());
        }
        migration.print(spec.commandLine().getOut(), report, report::toText);
        return report.verdict().equals("ok") ? SchemaguardMain.OK : SchemaguardMain.TOOL_FAILURE;
    }
}
