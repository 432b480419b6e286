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

/** The {@code require-concurrent-partition-detach} rule; what it guards against is its explanation, below. */
public final class RequireConcurrentPartitionDetach extends RuleBase {

    public RequireConcurrentPartitionDetach() {
        super(
                "require-concurrent-partition-detach",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                PostgresVersions.since(14),
                "DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table, blocking all reads and writes of every partition. Since PostgreSQL 14, DETACH PARTITION ... CONCURRENTLY needs only SHARE UPDATE EXCLUSIVE (outside a transaction block).");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        int detach = s.find(0, "DETACH", "PARTITION");
        if (s.alteredTable() == null
                || detach < 0
                || s.contains("CONCURRENTLY")
                || s.contains("FINALIZE")
                || state.createdHere(s.alteredTable())) {
            return List.of();
        }
        return List.of(finding(
                s,
                "DETACH PARTITION blocks reads and writes of " + s.alteredTable() + " and all its partitions",
                "ALTER TABLE " + s.alteredTable() + " DETACH PARTITION " + s.nameAt(detach + 2)
                        + " CONCURRENTLY;  -- outside a transaction block"));
    }
}
