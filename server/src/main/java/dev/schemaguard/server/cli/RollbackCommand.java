package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.rollback.RoundTrip;
import dev.schemaguard.sandbox.rollback.RoundTripReport;
import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a migration's down migration and prove it on a copy of an environment's schema (the generate_rollback tool).",
            "Exit code 1 when the verdict is failed."
        })
final class RollbackCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SandboxedMigrationOptions migration;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the down migration to FILE")
    Path out;

    @Option(
            names = "--sample-rows",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Copy up to N rows per table (masked) and check that up + down gives them back (default: ${DEFAULT-VALUE}, schema only)")
    int sampleRows;

    @Option(
            names = "--exact-column-order",
            description = "Where a column would come back last, make the table again instead "
                    + "(copies its rows under an exclusive lock; the report says what else is made again)")
    boolean exactColumnOrder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        RoundTripReport report;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            report = new RoundTrip(new JdbcEnvironments(config), sandboxes)
                    .run(
                            migration.environment,
                            migration.units(config),
                            new RoundTrip.Options(sampleRows, exactColumnOrder));
        }
        if (out != null) {
            try {
                Files.writeString(out, report.rollbackSql());
            } catch (IOException e) {
                throw new InputException("Cannot write " + out + ": " + e.getMessage());
            }
        }
        migration.print(spec.commandLine().getOut(), report, report::toText);
        return report.verdict().equals("failed") ? SchemaguardMain.TOOL_FAILURE : SchemaguardMain.OK;
    }
}
