package dev.schemaguard.tools.lint;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What lint_migration answers: the findings in file order and a summary.
 *
 * @param summary counts per severity, plus {@code statements}, {@code files} and {@code baselined} (silenced by the baseline)
 * @param note    what this lint could not judge (e.g. without an environment, the SQL alone)
 */
public record LintReport(List<Finding> findings, Map<String, Integer> summary, String note) {

    public static LintReport of(List<Finding> findings, int statements, int files, String note) {
        return of(findings, statements, files, 0, note);
    }

    public static LintReport of(List<Finding> findings, int statements, int files, int baselined, String note) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        findings.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            summary.put(s.name().toLowerCase(Locale.ROOT), bySeverity.getOrDefault(s, 0));
        }
        summary.put("statements", statements);
        summary.put("files", files);
        summary.put("baselined", baselined);
        return new LintReport(List.copyOf(findings), summary, note);
    }

    /** True when a finding at or above {@code threshold} exists (ERROR is the highest). */
    public boolean hasAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().ordinal() <= threshold.ordinal());
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(f.file())
                    .append(':')
                    .append(f.line())
                    .append(':')
                    .append(f.column())
                    .append(": ")
                    .append(f.severity().name().toLowerCase(Locale.ROOT))
                    .append(" [")
                    .append(f.rule())
                    .append("] ")
                    .append(f.message());
            if (f.lock() != LockMode.NONE) {
                out.append(" (takes ")
                        .append(f.lock().sqlName())
                        .append(f.lock().blocksWrites() ? ", blocks " + f.lock().blocks() : "")
                        .append(')');
            }
            out.append('\n');
            if (f.fix() != null) {
                out.append("  fix:\n");
                f.fix().lines().forEach(l -> out.append("    ").append(l).append('\n'));
            }
        }
        out.append(summary.get("error"))
                .append(" errors, ")
                .append(summary.get("warning"))
                .append(" warnings, ")
                .append(summary.get("info"))
                .append(" infos in ")
                .append(summary.get("statements"))
                .append(" statements\n");
        if (note != null) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }
}
