package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.drift.CheckMigrationHistory;
import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.drift.history.MigrationHistoryReport;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description =
                "Is the environment what its migrations say it is? Its migration tool's history table (Flyway, Liquibase, "
                        + "golang-migrate, dbmate, Rails, Diesel, Prisma, goose, Alembic, sqitch) against the migration files: each "
                        + "migration applied, pending, edited after it ran, failed, or applied without a file here; then the applied "
                        + "migrations replayed on a sandbox and compared with the live schema. The environment is only read. "
                        + "Exit 1 when the history, the files and the schema disagree.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--env",
            required = true,
            paramLabel = "NAME",
            description = "The environment whose history is read")
    String environment;

    @Parameters(
            paramLabel = "MIGRATIONS",
            arity = "0..*",
            description = "Migration directories or files (default: environments.NAME.migrations in schemaguard.yaml)")
    List<String> migrations = List.of();

    @Option(
            names = "--history-table",
            paramLabel = "[SCHEMA.]TABLE",
            description =
                    "The history table, where the tool was configured with another name (default: the tool's own)")
    String historyTable;

    @Option(
            names = "--no-replay",
            description = "Only pair the history with the files; do not replay them on a sandbox")
    boolean noReplay;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        MigrationHistoryReport report;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            report = new CheckMigrationHistory(new JdbcEnvironments(config), sandboxes)
                    .check(environment, migrations, historyTable, !noReplay, TerminalProgress.forThisProcess());
        }
        spec.commandLine()
                .getOut()
                .print(format == OutputFormat.json ? Json.pretty(report) + "\n" : TerminalText.safe(report.toText()));
        spec.commandLine().getOut().flush();
        return report.consistent() ? SchemaguardMain.OK : SchemaguardMain.TOOL_FAILURE;
    }
}
