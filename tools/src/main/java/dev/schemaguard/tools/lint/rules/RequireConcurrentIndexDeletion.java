package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code require-concurrent-index-deletion}: DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table, blocking reads and writes while it waits for running queries to finish. DROP INDEX CONCURRENTLY waits without blocking others (outside a transaction block). */
public final class RequireConcurrentIndexDeletion implements LintRule {

    @Override
    public String id() {
        return "require-concurrent-index-deletion";
    }

    @Override
    public Category category() {
        return Category.LOCKING;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public LockMode lock() {
        return LockMode.ACCESS_EXCLUSIVE;
    }

    @Override
    public String explanation() {
        return "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table, blocking reads and writes while it waits for running queries to finish. DROP INDEX CONCURRENTLY waits without blocking others (outside a transaction block).";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!s.startsWith("DROP", "INDEX") || s.contains("CONCURRENTLY")) {
            return List.of();
        }
        String fix = s.text().replaceFirst("(?i)\\bINDEX\\b", "INDEX CONCURRENTLY") + ";  -- outside a transaction block";
        return List.of(finding(s, "DROP INDEX locks the table against reads and writes", fix));
    }
}
