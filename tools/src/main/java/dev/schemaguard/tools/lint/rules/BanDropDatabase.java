package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code ban-drop-database}: DROP DATABASE deletes a whole database and cannot be undone; it has no place in an application's migrations. */
public final class BanDropDatabase implements LintRule {

    @Override
    public String id() {
        return "ban-drop-database";
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
        return "DROP DATABASE deletes a whole database and cannot be undone; it has no place in an application's migrations.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!s.startsWith("DROP", "DATABASE")) {
            return List.of();
        }
        return List.of(finding(s, "DROP DATABASE deletes every table and row in it",
                "-- do not drop databases from a migration; take a backup (pg_dump) and drop it by hand after review"));
    }
}
