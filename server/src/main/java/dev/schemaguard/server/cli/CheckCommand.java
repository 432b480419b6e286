package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.sandbox.check.CheckReport;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Lint, dry-run and prove the rollback of a migration in one report (the check_migration tool); the environment is only read.",
            "Exit code 1 when the verdict is blocked."
        })
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SandboxedMigrationOptions migration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        CheckReport report;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            report = new CheckMigration(
                            new JdbcEnvironments(config),
                            config.lint(),
                            sandboxes,
                            config.codeRoots(),
                            config.codeServices())
                    .check(migration.environment, migration.units(config), TerminalProgress.forThisProcess());
        }
        migration.print(spec.commandLine().getOut(), report, report::toText);
        return report.verdict().equals("blocked") ? SchemaguardMain.TOOL_FAILURE : SchemaguardMain.OK;
    }
}
