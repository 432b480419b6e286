package dev.schemaguard.tools.lint;

import java.util.List;

/** One hazard the linter knows: stable id (Squawk's where Squawk has the rule), what it guards, and the check. */
public interface LintRule {

    String id();

    Category category();

    Severity defaultSeverity();

    /** The lock the flagged statement takes on its table (NONE when locking is not the point). */
    LockMode lock();

    /** Why the statement is a hazard, for the rule's documentation page. */
    String explanation();

    /** Findings for this statement; empty when it is safe. {@code state} reflects the statements before it. */
    List<Finding> check(LintStatement statement, MigrationState state);

    default Finding finding(LintStatement statement, String message, String fix) {
        return new Finding(id(), defaultSeverity(), category(), statement.source().file(), statement.source().line(),
                statement.source().column(), message, fix, lock());
    }
}
