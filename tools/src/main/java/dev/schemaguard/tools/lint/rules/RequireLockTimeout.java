package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code require-lock-timeout}: A statement waiting for an ACCESS EXCLUSIVE lock queues every later query on the table behind it, so one long-running SELECT can stall all traffic. SET lock_timeout first, so it gives up (and can be retried) instead. */
public final class RequireLockTimeout implements LintRule {

    @Override
    public String id() {
        return "require-lock-timeout";
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
        return "A statement waiting for an ACCESS EXCLUSIVE lock queues every later query on the table behind it, so one long-running SELECT can stall all traffic. SET lock_timeout first, so it gives up (and can be retried) instead.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        String table = s.alteredTable();
        boolean locking = table != null && !state.createdHere(table) || s.startsWith("DROP", "TABLE") || s.startsWith("TRUNCATE");
        if (!locking || state.lockTimeoutSet()) {
            return List.of();
        }
        return List.of(finding(s, "takes an ACCESS EXCLUSIVE lock without a lock_timeout: waiting for it stalls every query on the table",
                "SET lock_timeout = '5s';\n" + s.text() + ";"));
    }
}
