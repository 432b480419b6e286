package dev.schemaguard.server.cli;

import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintReport;

/** A lint report as GitHub Actions workflow commands: each finding becomes an annotation on its file and line. */
final class GithubAnnotations {

    private GithubAnnotations() {}

    static String of(LintReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                default -> "notice";
            };
            String message = f.message() + (f.fix() == null ? "" : "\nFix:\n" + f.fix());
            out.append("::")
                    .append(command)
                    .append(" file=")
                    .append(property(f.file()))
                    .append(",line=")
                    .append(f.line())
                    .append(",col=")
                    .append(f.column())
                    .append(",title=")
                    .append(property("schemaguard " + f.rule()))
                    .append("::")
                    .append(data(message))
                    .append('\n');
        }
        return out.toString();
    }

    /** Workflow command data: %, CR and LF are escaped so a message cannot end the command or start another. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
