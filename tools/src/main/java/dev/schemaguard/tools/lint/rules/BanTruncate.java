package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code ban-truncate}: TRUNCATE deletes every row at once, cannot be filtered, and takes an ACCESS EXCLUSIVE lock; in a migration it is almost always a mistake. */
public final class BanTruncate implements LintRule {

    @Override
    public String id() {
        return "ban-truncate";
    }

    @Override
    public Category category() {
        return Category.DATA_LOSS;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public LockMode lock() {
        return LockMode.ACCESS_EXCLUSIVE;
    }

    @Override
    public String explanation() {
        return "TRUNCATE deletes every row at once, cannot be filtered, and takes an ACCESS EXCLUSIVE lock; in a migration it is almost always a mistake.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!s.startsWith("TRUNCATE")) {
            return List.of();
        }
        return List.of(finding(s, "TRUNCATE deletes every row of the table",
                "-- back the data up first if it may be needed, e.g.: CREATE TABLE <table>_backup AS SELECT * FROM <table>;\n" + s.text() + ";"));
    }
}
