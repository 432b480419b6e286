package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code require-enum-value-ordering} rule; what it guards against is its explanation, below. */
public final class RequireEnumValueOrdering extends RuleBase {

    public RequireEnumValueOrdering() {
        super(
                "require-enum-value-ordering",
                Category.CORRECTNESS,
                Severity.WARNING,
                LockMode.NONE,
                "An enum's values sort in declaration order, and ORDER BY and comparisons (status < 'shipped') use that order. ALTER TYPE ... ADD VALUE without BEFORE or AFTER appends the value at the end, which is rarely where it belongs: say where it goes.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        int add = s.find(0, "ADD", "VALUE");
        if (!s.startsWith("ALTER", "TYPE") || add < 0 || s.contains("BEFORE") || s.contains("AFTER")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "ADD VALUE without BEFORE or AFTER appends the value last in the enum's sort order",
                s.text() + " AFTER '<existing value>';  -- or BEFORE: place it where it sorts"));
    }
}
