package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.sql.StatementShape;

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

    /** The first words of the statements this rule can flag (upper case); empty: any statement. */
    default java.util.Set<String> firstWords() {
        return java.util.Set.of();
    }

    /** The PostgreSQL versions on which the hazard exists. */
    default PostgresVersions appliesTo() {
        return PostgresVersions.ALL;
    }

    /** Findings for this statement; empty when it is safe. {@code state} reflects the statements before it. */
    List<Finding> check(StatementShape statement, MigrationState state);

    /** Findings at the end of a file (e.g. a transaction left open); {@code state} reflects the whole file. */
    default List<Finding> finish(MigrationState state, String file, int lastLine) {
        return List.of();
    }

    default Finding finding(StatementShape statement, String message, String fix) {
        return finding(statement, defaultSeverity(), message, fix);
    }

    default Finding finding(StatementShape statement, Severity severity, String message, String fix) {
        return new Finding(
                id(),
                severity,
                category(),
                statement.source().file(),
                statement.source().line(),
                statement.source().column(),
                message,
                fix,
                lock(),
                Fingerprints.of(id(), statement.source().file(), statement.text()));
    }
}
