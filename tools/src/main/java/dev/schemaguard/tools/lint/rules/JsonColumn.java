package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code json-column}: json stores text and re-parses it on every access, cannot be indexed with GIN and has no equality operator; jsonb is what applications want. */
public final class JsonColumn implements LintRule {

    @Override
    public String id() {
        return "json-column";
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
        return "json stores text and re-parses it on every access, cannot be indexed with GIN and has no equality operator; jsonb is what applications want.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null) || !ColumnTypes.has(s, "JSON")) {
            return List.of();
        }
        return List.of(finding(s, "json column: prefer jsonb", s.text().replaceAll("(?i)\\bjson\\b", "jsonb") + ";"));
    }
}
