package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code refresh-matview-non-concurrent}: REFRESH MATERIALIZED VIEW without CONCURRENTLY locks the view against reads until the refresh is done. CONCURRENTLY keeps it readable (it needs a unique index on the view). */
public final class RefreshMatviewNonConcurrent implements LintRule {

    @Override
    public String id() {
        return "refresh-matview-non-concurrent";
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
        return "REFRESH MATERIALIZED VIEW without CONCURRENTLY locks the view against reads until the refresh is done. CONCURRENTLY keeps it readable (it needs a unique index on the view).";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!s.startsWith("REFRESH", "MATERIALIZED", "VIEW") || s.contains("CONCURRENTLY")) {
            return List.of();
        }
        return List.of(finding(s, "the refresh blocks every read of the materialized view",
                s.text().replaceFirst("(?i)\\bVIEW\\b", "VIEW CONCURRENTLY") + ";  -- needs a unique index on the view; outside a transaction block is not required"));
    }
}
