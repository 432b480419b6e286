package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code json-column} rule; what it guards against is its explanation, below. */
public final class JsonColumn extends RuleBase {

    public JsonColumn() {
        super(
                "json-column",
                Category.CONVENTION,
                Severity.WARNING,
                LockMode.NONE,
                "json stores text and re-parses it on every access, cannot be indexed with GIN and has no equality operator; jsonb is what applications want.");
        onStatementsStartingWith("ALTER", "CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null) || !ColumnTypes.has(s, "JSON")) {
            return List.of();
        }
        return List.of(
                finding(s, "json column: prefer jsonb", Rewrite.of(s.text()).all("(?i)\\bjson\\b", "jsonb") + ";"));
    }
}
