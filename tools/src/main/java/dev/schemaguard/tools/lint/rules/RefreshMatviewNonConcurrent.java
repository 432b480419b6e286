package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code refresh-matview-non-concurrent} rule; what it guards against is its explanation, below. */
public final class RefreshMatviewNonConcurrent extends RuleBase {

    public RefreshMatviewNonConcurrent() {
        super(
                "refresh-matview-non-concurrent",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "REFRESH MATERIALIZED VIEW without CONCURRENTLY locks the view against reads until the refresh is done. CONCURRENTLY keeps it readable (it needs a unique index on the view).");
        onStatementsStartingWith("REFRESH");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("REFRESH", "MATERIALIZED", "VIEW") || s.contains("CONCURRENTLY")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "the refresh blocks every read of the materialized view",
                Rewrite.of(s.text()).first("(?i)\\bVIEW\\b", "VIEW CONCURRENTLY")
                        + ";  -- needs a unique index on the view; outside a transaction block is not required"));
    }
}
