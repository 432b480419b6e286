package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code cascade-drop} rule; what it guards against is its explanation, below. */
public final class CascadeDrop extends RuleBase {

    public CascadeDrop() {
        super(
                "cascade-drop",
                Category.DATA_LOSS,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "DROP ... CASCADE silently drops every object that depends on the dropped one (views, foreign keys, defaults), which the migration does not name.");
        onStatementsStartingWith("DROP");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("DROP") || !s.contains("CASCADE")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "CASCADE also drops every dependent object, unnamed in the migration",
                Rewrite.of(s.text()).all("(?i)\\s+CASCADE\\b", "")
                        + ";  -- RESTRICT (the default) names what depends on it: drop those explicitly"));
    }
}
