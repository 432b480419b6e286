package dev.schemaguard.server.cli;

import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.lint.input.MigrationSources;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/** What dry-run, rollback and check share: the migration, the environment copied, and how the answer is printed. */
final class SandboxedMigrationOptions {

    @Parameters(arity = "1..*", paramLabel = "MIGRATION", description = "Migration files or directories")
    List<String> paths;

    @Option(
            names = "--env",
            required = true,
            paramLabel = "NAME",
            description = "Environment whose schema is copied (only read)")
    String environment;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(
            names = "--no-transaction",
            description = "Plain .sql files are not wrapped in a transaction by the migration tool")
    boolean noTransaction;

    @Option(
            names = {"-D", "--liquibase-parameter"},
            paramLabel = "NAME=VALUE",
            description =
                    "A Liquibase changelog parameter, as Liquibase's -D takes it: wins over liquibase.properties and <property>")
    java.util.Map<String, String> liquibaseParameters = java.util.Map.of();

    List<MigrationUnit> units(SchemaguardConfig config) {
        return MigrationSources.withLiquibaseParameters(
                liquibaseParameters,
                () -> MigrationSources.of(
                        null, paths, !noTransaction && config.lint().assumeInTransaction()));
    }

    void print(PrintWriter out, Object report, Supplier<String> text) {
        out.print(format == OutputFormat.json ? Json.pretty(report) + "\n" : CliWords.of(text.get()));
        out.flush();
    }
}
