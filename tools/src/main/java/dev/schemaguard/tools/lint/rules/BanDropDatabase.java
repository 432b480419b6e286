package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-drop-database} rule; what it guards against is its explanation, below. */
public final class BanDropDatabase extends RuleBase {

    public BanDropDatabase() {
        super(
                "ban-drop-database",
                Category.DATA_LOSS,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "DROP DATABASE deletes a whole database and cannot be undone; it has no place in an application's migrations.");
        onStatementsStartingWith("DROP");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("DROP", "DATABASE")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "DROP DATABASE deletes every table and row in it",
                "-- do not drop databases from a migration; take a backup (pg_dump) and drop it by hand after review"));
    }
}
