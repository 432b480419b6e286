package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code transaction-nesting} rule; what it guards against is its explanation, below. */
public final class TransactionNesting extends RuleBase {

    public TransactionNesting() {
        super(
                "transaction-nesting",
                Category.CORRECTNESS,
                Severity.WARNING,
                LockMode.NONE,
                "BEGIN inside a transaction does nothing but warn, and the COMMIT that follows ends the outer transaction early: what the migration tool thinks is atomic is not.");
        onStatementsStartingWith("BEGIN", "START");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("BEGIN") || s.startsWith("START", "TRANSACTION")) || !state.inTransaction()) {
            return List.of();
        }
        return List.of(finding(
                s,
                "BEGIN inside a transaction: the migration tool already wraps this file, or a transaction is open",
                "-- remove BEGIN/COMMIT from the file and let the migration tool manage the transaction"));
    }
}
