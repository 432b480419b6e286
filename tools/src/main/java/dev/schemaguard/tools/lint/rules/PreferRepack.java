package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code prefer-repack} rule; what it guards against is its explanation, below. */
public final class PreferRepack extends RuleBase {

    public PreferRepack() {
        super(
                "prefer-repack",
                Category.REWRITE,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes for as long as the copy takes. pg_repack does the same online.");
        onStatementsStartingWith("CLUSTER", "VACUUM");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        boolean vacuumFull = s.startsWith("VACUUM") && s.contains("FULL");
        if (!vacuumFull && !s.startsWith("CLUSTER")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "rewrites the table while blocking reads and writes",
                "-- run pg_repack outside the migration instead, e.g.: pg_repack --table=<schema.table> <database>"));
    }
}
