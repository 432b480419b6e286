package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.sandbox.check.CheckReport;
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

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Lint, dry-run and prove the rollback of a migration in one report (the check_migration tool); the environment is only read.",
                "Exit code 1 when the verdict is blocked."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "MIGRATION", description = "Migration files or directories")
    List<String> paths;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment whose schema is copied")
    String environment;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--no-transaction", description = "Plain .sql files are not wrapped in a transaction by the migration tool")
    boolean noTransaction;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        CheckReport report;
        try (Sandboxes sandboxes = Sandboxes.from(config.sandbox())) {
            report = new CheckMigration(new JdbcEnvironments(config), config.lint(), sandboxes)
                    .check(environment, MigrationSources.of(null, paths, !noTransaction && config.lint().assumeInTransaction()));
        }
        spec.commandLine().getOut().print(format == OutputFormat.json ? Json.pretty(report) + "\n" : report.toText());
        spec.commandLine().getOut().flush();
        return report.verdict().equals("blocked") ? SchemaguardMain.TOOL_FAILURE : SchemaguardMain.OK;
    }
}
