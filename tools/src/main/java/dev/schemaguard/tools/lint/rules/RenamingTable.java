package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code renaming-table} rule; what it guards against is its explanation, below. */
public final class RenamingTable extends RuleBase {

    public RenamingTable() {
        super(
                "renaming-table",
                Category.BACKWARD_INCOMPATIBLE,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "Renaming a table breaks every running query that uses the old name. Create the new name as a view over the old table (or the reverse) while code moves over.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        if (table == null || s.find(0, "RENAME", "TO") < 0) {
            return List.of();
        }
        int to = s.find(0, "RENAME", "TO");
        return List.of(finding(
                s,
                "renaming " + table + " breaks running code that uses the old name",
                s.text() + ";\n-- keep the old name working while code moves over:\nCREATE VIEW " + table
                        + " AS SELECT * FROM " + s.nameAt(to + 2) + ";"));
    }
}
