package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-drop-not-null} rule; what it guards against is its explanation, below. */
public final class BanDropNotNull extends RuleBase {

    public BanDropNotNull() {
        super(
                "ban-drop-not-null",
                Category.BACKWARD_INCOMPATIBLE,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "Dropping NOT NULL lets NULLs in, which running code that assumes a value may not handle.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (s.alteredTable() == null || !s.contains("DROP", "NOT", "NULL")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "dropping NOT NULL lets NULLs reach code that does not expect them",
                "-- make sure every reader handles NULL (and deploy that) before:\n" + s.text() + ";"));
    }
}
