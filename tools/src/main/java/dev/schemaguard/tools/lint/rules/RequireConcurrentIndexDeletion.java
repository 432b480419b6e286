package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code require-concurrent-index-deletion} rule; what it guards against is its explanation, below. */
public final class RequireConcurrentIndexDeletion extends RuleBase {

    public RequireConcurrentIndexDeletion() {
        super(
                "require-concurrent-index-deletion",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table, blocking reads and writes while it waits for running queries to finish. DROP INDEX CONCURRENTLY waits without blocking others (outside a transaction block).");
        onStatementsStartingWith("DROP");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("DROP", "INDEX") || s.contains("CONCURRENTLY")) {
            return List.of();
        }
        String fix = Rewrite.of(s.text()).first("(?i)\\bINDEX\\b", "INDEX CONCURRENTLY")
                + ";  -- outside a transaction block";
        return List.of(finding(s, "DROP INDEX locks the table against reads and writes", fix));
    }
}
