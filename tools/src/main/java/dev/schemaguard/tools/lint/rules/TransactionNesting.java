package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code transaction-nesting}: BEGIN inside a transaction does nothing but warn, and the COMMIT that follows ends the outer transaction early: what the migration tool thinks is atomic is not. */
public final class TransactionNesting implements LintRule {

    @Override
    public String id() {
        return "transaction-nesting";
    }

    @Override
    public Category category() {
        return Category.CORRECTNESS;
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
        return "BEGIN inside a transaction does nothing but warn, and the COMMIT that follows ends the outer transaction early: what the migration tool thinks is atomic is not.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!(s.startsWith("BEGIN") || s.startsWith("START", "TRANSACTION")) || !state.inTransaction()) {
            return List.of();
        }
        return List.of(finding(s, "BEGIN inside a transaction: the migration tool already wraps this file, or a transaction is open",
                "-- remove BEGIN/COMMIT from the file and let the migration tool manage the transaction"));
    }
}
