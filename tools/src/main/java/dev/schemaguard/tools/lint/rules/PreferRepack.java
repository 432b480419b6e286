package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code prefer-repack}: VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes for as long as the copy takes. pg_repack does the same online. */
public final class PreferRepack implements LintRule {

    @Override
    public String id() {
        return "prefer-repack";
    }

    @Override
    public Category category() {
        return Category.REWRITE;
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
        return "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes for as long as the copy takes. pg_repack does the same online.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        boolean vacuumFull = s.startsWith("VACUUM") && s.contains("FULL");
        if (!vacuumFull && !s.startsWith("CLUSTER")) {
            return List.of();
        }
        return List.of(finding(s, "rewrites the table while blocking reads and writes",
                "-- run pg_repack outside the migration instead, e.g.: pg_repack --table=<schema.table> <database>"));
    }
}
