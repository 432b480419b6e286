package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code ban-char-field}: char(n) pads values with spaces, which surprises comparisons and wastes space; use text or varchar. */
public final class BanCharField implements LintRule {

    @Override
    public String id() {
        return "ban-char-field";
    }

    @Override
    public Category category() {
        return Category.CONVENTION;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public LockMode lock() {
        return LockMode.NONE;
    }

    @Override
    public String explanation() {
        return "char(n) pads values with spaces, which surprises comparisons and wastes space; use text or varchar.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null) || !ColumnTypes.has(s, "CHAR", "CHARACTER", "BPCHAR")) {
            return List.of();
        }
        return List.of(finding(s, "char(n) pads values with blanks",
                s.text().replaceAll("(?i)\\b(char|character|bpchar)\\s*\\(\\s*(\\d+)\\s*\\)(?!\\s*varying)", "text") + ";"));
    }
}
