package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-concurrent-index-creation-in-transaction} rule; what it guards against is its explanation, below. */
public final class BanConcurrentIndexCreationInTransaction extends RuleBase {

    public BanConcurrentIndexCreationInTransaction() {
        super(
                "ban-concurrent-index-creation-in-transaction",
                Category.CORRECTNESS,
                Severity.ERROR,
                LockMode.NONE,
                "CREATE INDEX CONCURRENTLY and DROP INDEX CONCURRENTLY cannot run inside a transaction block: PostgreSQL refuses them, so a migration tool that wraps the file in a transaction fails there.");
        onStatementsStartingWith("CREATE", "DROP");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        boolean concurrent = (s.startsWith("CREATE") || s.startsWith("DROP")) && s.contains("INDEX", "CONCURRENTLY");
        if (!concurrent || !state.inTransaction()) {
            return List.of();
        }
        return List.of(finding(
                s,
                "CONCURRENTLY cannot run inside a transaction block",
                "-- move this statement to a migration of its own that runs outside a transaction\n" + s.text() + ";"));
    }
}
