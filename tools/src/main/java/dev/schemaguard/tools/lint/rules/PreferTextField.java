package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;
import java.util.regex.Pattern;

/** The {@code prefer-text-field} rule; what it guards against is its explanation, below. */
public final class PreferTextField extends RuleBase {

    private static final Pattern BOUNDED_VARCHAR =
            Pattern.compile("(?i)\\b(varchar|character\\s+varying)\\s*\\(\\s*\\d+\\s*\\)");

    public PreferTextField() {
        super(
                "prefer-text-field",
                Category.CONVENTION,
                Severity.INFO,
                LockMode.NONE,
                "varchar(n) adds a length check whose later change (narrowing, or on old versions widening) rewrites or scans the table; text with a CHECK on length() is easier to change.");
        onStatementsStartingWith("ALTER", "CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        // an unbounded varchar is text under another name: nothing to advise
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null)
                || !ColumnTypes.has(s, "VARCHAR", "CHARACTER VARYING")
                || !BOUNDED_VARCHAR.matcher(s.text()).find()) {
            return List.of();
        }
        return List.of(finding(
                s,
                "varchar(n) makes later length changes harder than text with a CHECK",
                Rewrite.of(s.text()).all(BOUNDED_VARCHAR.pattern(), "text")
                        + ";  -- add CHECK (length(col) <= n) NOT VALID if the limit matters"));
    }
}
