package dev.schemaguard.server.cli;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.policies.apply.RestoreBackup;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Put back the rows an applied migration's destructive statements removed or changed, from the copies "
                    + "taken before them (policy backup-before-destructive). The restore is a migration like any other: the "
                    + "environment's policy decides, approval included; run the command again once it is approved.",
            "Exit code 0 when restored, 1 when refused or failed, 4 when waiting for approval."
        })
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(
            index = "0",
            paramLabel = "HISTORY_ID",
            description = "The history id an apply reported (schemaguard.schemaguard_history)")
    String historyId;

    @Option(
            names = "--env",
            required = true,
            paramLabel = "NAME",
            description = "Environment the migration was applied to")
    String environment;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--print-sql", description = "Only print the restore migration, apply nothing")
    boolean printSql;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        JdbcEnvironments environments = new JdbcEnvironments(config);
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            RestoreBackup restore = new RestoreBackup(
                    environments,
                    new Guard(config, environments, Clock.systemUTC())
                            .apply(() -> sandboxes, ApplyCommand::howToApprove));
            if (printSql) {
                spec.commandLine().getOut().print(TerminalText.safe(restore.restoreSql(environment, historyId)));
                spec.commandLine().getOut().flush();
                return SchemaguardMain.OK;
            }
            return ApplyCommand.print(spec, format, restore.restore(environment, historyId, Identity.osUser()));
        }
    }
}
