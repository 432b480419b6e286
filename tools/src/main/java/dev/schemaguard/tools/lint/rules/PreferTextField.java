package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code prefer-text-field}: varchar(n) adds a length check whose later change (narrowing, or on old versions widening) rewrites or scans the table; text with a CHECK on length() is easier to change. */
public final class PreferTextField implements LintRule {

    @Override
    public String id() {
        return "prefer-text-field";
    }

    @Override
    public Category category() {
        return Category.CONVENTION;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFO;
    }

    @Override
    public LockMode lock() {
        return LockMode.NONE;
    }

    @Override
    public String explanation() {
        return "varchar(n) adds a length check whose later change (narrowing, or on old versions widening) rewrites or scans the table; text with a CHECK on length() is easier to change.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null) || !ColumnTypes.has(s, "VARCHAR", "CHARACTER VARYING")) {
            return List.of();
        }
        return List.of(finding(s, "varchar(n) makes later length changes harder than text with a CHECK",
                s.text().replaceAll("(?i)\\b(varchar|character\\s+varying)\\s*\\(\\s*\\d+\\s*\\)", "text") + ";  -- add CHECK (length(col) <= n) NOT VALID if the limit matters"));
    }
}
