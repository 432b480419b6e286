package dev.schemaguard.server.cli;

import dev.schemaguard.server.mcp.Json;
import dev.schemaguard.tools.lint.LintMigration;
import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.MigrationFiles;
import dev.schemaguard.tools.lint.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check migrations for statements that lock, lose data or break running code (the lint_migration tool).",
                "Exit code 1 when a finding at or above --fail-on exists."})
final class LintCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".sql files or directories of them")
    List<String> paths;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--fail-on", defaultValue = "ERROR", paramLabel = "SEVERITY",
            description = "error, warning or info (default: error)", converter = SeverityConverter.class)
    Severity failOn;

    @Option(names = "--no-transaction", description = "The migration tool does not wrap each file in a transaction")
    boolean noTransaction;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LintReport report = new LintMigration().lint(MigrationFiles.read(paths), !noTransaction);
        spec.commandLine().getOut().print(format == OutputFormat.json ? Json.pretty(report) + "\n" : report.toText());
        spec.commandLine().getOut().flush();
        return report.hasAtLeast(failOn) ? SchemaguardMain.TOOL_FAILURE : SchemaguardMain.OK;
    }

    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            Severity severity = Severity.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            if (severity == Severity.OFF) {
                throw new picocli.CommandLine.TypeConversionException("use error, warning or info");
            }
            return severity;
        }
    }
}
