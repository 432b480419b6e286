package dev.schemaguard.server.cli;

import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.Baseline;
import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.LintRequest;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.lint.run.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {
            "Check migrations for statements that lock, rewrite, lose data or break running code (the lint_migration tool).",
            "Exit code 1 when a finding at or above --fail-on exists, 2 on bad input."
        })
final class LintCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        sarif,
        github
    }

    @Mixin
    CommonOptions common;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description =
                    "Migration files or directories (Flyway, golang-migrate, dbmate, Liquibase or plain numbered .sql)")
    List<String> paths;

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description = "Read this environment's live schema: table sizes, column types, what exists")
    String environment;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text, json, sarif or github (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(
            names = "--fail-on",
            defaultValue = "ERROR",
            paramLabel = "SEVERITY",
            description = "error, warning or info (default: error)",
            converter = SeverityConverter.class)
    Severity failOn;

    @Option(
            names = "--target-version",
            paramLabel = "N",
            description =
                    "PostgreSQL major version the migration runs on (default: lint.target-version, the environment's, else 16)")
    Integer targetVersion;

    @Option(
            names = "--no-transaction",
            description = "Plain .sql files are not wrapped in a transaction by the migration tool")
    boolean noTransaction;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Silence the findings recorded in this file (default: lint.baseline)")
    Path baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description = "Record every current finding in FILE, then exit 0")
    Path writeBaseline;

    @Option(
            names = {"-D", "--liquibase-parameter"},
            paramLabel = "NAME=VALUE",
            description =
                    "A Liquibase changelog parameter, as Liquibase's -D takes it: wins over liquibase.properties and <property>")
    java.util.Map<String, String> liquibaseParameters = java.util.Map.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        LintRequest request = new LintRequest(
                null,
                paths,
                environment,
                targetVersion,
                noTransaction ? Boolean.FALSE : null,
                writeBaseline != null ? "" : baseline == null ? null : baseline.toString());
        LintReport report = dev.schemaguard.tools.lint.input.MigrationSources.withLiquibaseParameters(
                liquibaseParameters, () -> new Linter(new JdbcEnvironments(config), config.lint()).lint(request));
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, report.findings());
            System.err.println("Wrote " + report.findings().size() + " findings to the baseline " + writeBaseline);
            return SchemaguardMain.OK;
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> out.print(report.toText());
            case json -> {
                if (out instanceof CliOutput bytes) {
                    LintJson.write(bytes.bytes(), report);
                } else {
                    LintJson.write(out, report);
                }
            }
            case sarif -> out.print(SarifReport.of(report));
            case github -> out.print(GithubAnnotations.of(report));
        }
        out.flush();
        return report.hasAtLeast(failOn) ? SchemaguardMain.TOOL_FAILURE : SchemaguardMain.OK;
    }

    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                Severity severity = Severity.valueOf(value.toUpperCase(Locale.ROOT));
                if (severity != Severity.OFF) {
                    return severity;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "expected error, warning or info, was '" + value + "'");
        }
    }
}
