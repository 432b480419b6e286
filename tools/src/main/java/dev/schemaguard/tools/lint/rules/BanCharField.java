package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-char-field} rule; what it guards against is its explanation, below. */
public final class BanCharField extends RuleBase {

    public BanCharField() {
        super(
                "ban-char-field",
                Category.CONVENTION,
                Severity.WARNING,
                LockMode.NONE,
                "char(n) pads values with spaces, which surprises comparisons and wastes space; use text or varchar.");
        onStatementsStartingWith("ALTER", "CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null)
                || !ColumnTypes.has(s, "CHAR", "CHARACTER", "BPCHAR")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "char(n) pads values with blanks",
                Rewrite.of(s.text())
                                .all("(?i)\\b(char|character|bpchar)\\s*\\(\\s*(\\d+)\\s*\\)(?!\\s*varying)", "text")
                        + ";"));
    }
}
