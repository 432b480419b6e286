package dev.schemaguard.server.cli;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.policies.apply.ApplyMigration;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Apply a migration file to an environment, as its policy allows (the apply_migration tool): applied, "
                    + "refused, or an approval request to be approved with 'schemaguard approvals approve ID' and then applied by "
                    + "running this command again with the same file.",
            "Exit code 0 when applied, 1 when refused or failed, 4 when waiting for approval."
        })
final class ApplyCommand implements Callable<Integer> {

    static final int PENDING = 4;

    @Mixin
    CommonOptions common;

    @Mixin
    MigrationFileOptions migration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SchemaguardConfig config = common.loadConfig();
        String sql = migration.sql();
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            ApplyMigration apply = new Guard(config, new JdbcEnvironments(config), Clock.systemUTC())
                    .apply(() -> sandboxes, ApplyCommand::howToApprove);
            return print(spec, migration.format, apply.apply(migration.environment, sql, Identity.osUser()));
        }
    }

    static String howToApprove(dev.schemaguard.policies.approval.ApprovalRequest r) {
        return r.needs().passkey()
                ? "a registered approver opens /approve/" + r.id()
                        + " on the schemaguard HTTP server and answers with their passkey"
                : "'schemaguard approvals approve " + r.id() + "'";
    }

    /** Prints an apply's result; the exit code says applied (0), waiting for approval (4) or not applied (1). */
    static int print(CommandSpec spec, OutputFormat format, ApplyMigration.Result result) {
        spec.commandLine()
                .getOut()
                .print(
                        format == OutputFormat.json
                                ? Json.pretty(result) + "\n"
                                : TerminalText.safe(CliWords.of(result.toText())));
        spec.commandLine().getOut().flush();
        return switch (result.status()) {
            case "applied" -> SchemaguardMain.OK;
            case "pending-approval" -> PENDING;
            default -> SchemaguardMain.TOOL_FAILURE;
        };
    }
}
