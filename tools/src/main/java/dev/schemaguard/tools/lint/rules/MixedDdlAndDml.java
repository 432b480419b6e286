package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code mixed-ddl-and-dml} rule; what it guards against is its explanation, below. */
public final class MixedDdlAndDml extends RuleBase {

    public MixedDdlAndDml() {
        super(
                "mixed-ddl-and-dml",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "Locks are held until the transaction ends. An UPDATE, DELETE or INSERT ... SELECT after an ALTER TABLE in the same transaction runs its whole backfill while the ALTER's ACCESS EXCLUSIVE lock blocks every read and write of that table. Commit the DDL first, and backfill in batches in transactions of their own.");
        onStatementsStartingWith("DELETE", "INSERT", "UPDATE", "WITH");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        boolean dml = s.startsWith("UPDATE")
                || s.startsWith("DELETE")
                || s.startsWith("INSERT") && s.contains("SELECT")
                || s.startsWith("WITH") && (s.contains("UPDATE") || s.contains("DELETE") || s.contains("INSERT"));
        if (!dml || !state.inTransaction() || state.lockedInTransaction().isEmpty()) {
            return List.of();
        }
        String locked = String.join(", ", new java.util.TreeSet<>(state.lockedInTransaction()));
        return List.of(finding(
                s,
                "data change while this transaction holds an ACCESS EXCLUSIVE lock on " + locked
                        + ": every query on it waits for the whole backfill",
                "COMMIT;  -- end the DDL's transaction first (or move the backfill to a migration of its own)\n"
                        + "-- then backfill in batches, each in its own transaction:\n" + s.text()
                        + "  -- add: AND <primary key range>;"));
    }
}
