package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.PostgresVersions;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code require-concurrent-reindex} rule; what it guards against is its explanation, below. */
public final class RequireConcurrentReindex extends RuleBase {

    public RequireConcurrentReindex() {
        super(
                "require-concurrent-reindex",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                PostgresVersions.since(12),
                "REINDEX without CONCURRENTLY blocks writes to the table, and reads that would use the index, until the rebuild ends. Since PostgreSQL 12, REINDEX CONCURRENTLY rebuilds without blocking (outside a transaction block).");
        onStatementsStartingWith("REINDEX");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("REINDEX") || s.contains("CONCURRENTLY") || s.matchesAt(1, "SYSTEM")) {
            return List.of();
        }
        int kind = s.matchesAt(1, "(") ? s.find(1, ")") + 1 : 1;
        String fix = "REINDEX " + s.tokens().get(kind).raw() + " CONCURRENTLY " + s.nameAt(kind + 1)
                + ";  -- outside a transaction block";
        return List.of(finding(s, "REINDEX blocks writes while it rebuilds", fix));
    }
}
