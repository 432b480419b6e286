package dev.schemaguard.server.cli;

import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * {@code lint --format json}, written directly: the same document Jackson makes of a {@link LintReport} (the MCP tool's
 * structured content), without reflection, because a corpus can carry tens of thousands of findings and this ran at
 * a fifth of the whole lint's time through Jackson (docs/benchmarks.md). {@code CliTest} compares the two.
 */
final class LintJson {

    private LintJson() {
    }

    static void write(Writer target, LintReport report) {
        try {
            Writer out = new java.io.BufferedWriter(target, 1 << 16);
            out.write("{\"findings\":[");
            boolean first = true;
            for (Finding f : report.findings()) {
                out.write(first ? "{" : ",{");
                first = false;
                field(out, "rule", f.rule(), true);
                field(out, "severity", f.severity().label(), false);
                field(out, "category", f.category().label(), false);
                field(out, "file", f.file(), false);
                out.write(",\"line\":" + f.line() + ",\"column\":" + f.column());
                field(out, "message", f.message(), false);
                if (f.fix() != null) {
                    field(out, "fix", f.fix(), false);
                }
                field(out, "lock", f.lock().sqlName(), false);
                field(out, "fingerprint", f.fingerprint(), false);
                field(out, "blocks", f.blocks(), false);
                out.write('}');
            }
            out.write("],\"summary\":{");
            first = true;
            for (Map.Entry<String, Integer> e : report.summary().entrySet()) {
                out.write(first ? "" : ",");
                first = false;
                string(out, e.getKey());
                out.write(":" + e.getValue());
            }
            out.write('}');
            if (report.note() != null) {
                field(out, "note", report.note(), false);
            }
            out.write("}\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(Writer out, String name, String value, boolean first) throws IOException {
        if (value == null) {
            return;
        }
        out.write(first ? "\"" : ",\"");
        out.write(name);
        out.write("\":");
        string(out, value);
    }

    static void string(Writer out, String value) throws IOException {
        out.write('"');
        int last = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
            };
            if (escape != null) {
                out.write(value, last, i - last);
                out.write(escape);
                last = i + 1;
            }
        }
        out.write(value, last, value.length() - last);
        out.write('"');
    }
}
