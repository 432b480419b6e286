package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-truncate} rule; what it guards against is its explanation, below. */
public final class BanTruncate extends RuleBase {

    public BanTruncate() {
        super(
                "ban-truncate",
                Category.DATA_LOSS,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "TRUNCATE deletes every row at once, cannot be filtered, and takes an ACCESS EXCLUSIVE lock; in a migration it is almost always a mistake.");
        onStatementsStartingWith("TRUNCATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("TRUNCATE")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "TRUNCATE deletes every row of the table",
                "-- back the data up first if it may be needed, e.g.: CREATE TABLE <table>_backup AS SELECT * FROM <table>;\n"
                        + s.text() + ";"));
    }
}
