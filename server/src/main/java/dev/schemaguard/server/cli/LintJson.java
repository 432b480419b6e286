package dev.schemaguard.server.cli;

import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
            // Findings are encoded in parallel chunks, in order: with tens of thousands of them this was a quarter of the
            // whole run, on one core. Most field values repeat (rule, file, message …): each chunk escapes them once.
            List<Finding> findings = report.findings();
            int chunks = Math.max(1, Math.min(64, findings.size() / 1000));
            String[] encoded = new String[chunks];
            IntStream.range(0, chunks).parallel().forEach(k -> {
                StringBuilder sb = new StringBuilder(256 * (findings.size() / chunks + 1));
                Map<String, String> escaped = new HashMap<>();
                for (int i = k * findings.size() / chunks; i < (k + 1) * findings.size() / chunks; i++) {
                    Finding f = findings.get(i);
                    sb.append(i == 0 ? "{" : ",{");
                    field(sb, escaped, "rule", f.rule(), true);
                    field(sb, escaped, "severity", f.severity().label(), false);
                    field(sb, escaped, "category", f.category().label(), false);
                    field(sb, escaped, "file", f.file(), false);
                    sb.append(",\"line\":").append(f.line()).append(",\"column\":").append(f.column());
                    field(sb, escaped, "message", f.message(), false);
                    if (f.fix() != null) {
                        sb.append(",\"fix\":");
                        escape(sb, f.fix());
                    }
                    field(sb, escaped, "lock", f.lock().sqlName(), false);
                    field(sb, escaped, "fingerprint", f.fingerprint(), false);
                    field(sb, escaped, "blocks", f.blocks(), false);
                    sb.append('}');
                }
                encoded[k] = sb.toString();
            });
            for (String chunk : encoded) {
                out.write(chunk);
            }
            out.write("],\"summary\":{");
            boolean first = true;
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

    private static void field(StringBuilder sb, Map<String, String> escaped, String name, String value, boolean first) {
        if (value == null) {
            return;
        }
        sb.append(first ? "\"" : ",\"").append(name).append("\":");
        String known = escaped.get(value);
        if (known == null) {
            StringBuilder one = new StringBuilder(value.length() + 2);
            escape(one, value);
            known = one.toString();
            if (escaped.size() < 10_000) {
                escaped.put(value, known);
            }
        }
        sb.append(known);
    }

    private static void escape(StringBuilder sb, String value) {
        sb.append('"');
        int last = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            sb.append(value, last, i).append(switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format("\\u%04x", (int) c);
            });
            last = i + 1;
        }
        sb.append(value, last, value.length()).append('"');
    }

    private static void field(Writer out, String name, String value, boolean first) throws IOException {
        if (value != null) {
            out.write(first ? "\"" : ",\"");
            out.write(name);
            out.write("\":");
            string(out, value);
        }
    }

    private static void string(Writer out, String value) throws IOException {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        escape(sb, value);
        out.append(sb);
    }
}
