package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** The {@code renaming-column} rule; what it guards against is its explanation, below. */
public final class RenamingColumn extends RuleBase {

    public RenamingColumn() {
        super("renaming-column", Category.BACKWARD_INCOMPATIBLE, Severity.WARNING, LockMode.ACCESS_EXCLUSIVE,
                "Renaming a column breaks every running query that uses the old name. Add the new column, write to both, migrate readers, then drop the old one (expand and contract).");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        String table = s.alteredTable();
        int rename = s.find(0, "RENAME");
        if (table == null || rename < 0 || s.matchesAt(rename + 1, "TO") || s.matchesAt(rename + 1, "CONSTRAINT")) {
            return List.of();
        }
        int oldAt = s.matchesAt(rename + 1, "COLUMN") ? rename + 2 : rename + 1;
        String oldName = s.nameAt(oldAt);
        int to = s.find(oldAt, "TO");
        String newName = to < 0 ? "new_name" : s.nameAt(to + 1);
        return List.of(finding(s, "renaming " + table + "." + oldName + " breaks running code that uses the old name",
                "-- expand: ALTER TABLE " + table + " ADD COLUMN " + newName + " <same type>;\n"
                        + "-- keep both in step (trigger or dual writes), backfill: UPDATE " + table + " SET " + newName + " = " + oldName + ";\n"
                        + "-- move readers to " + newName + ", deploy, then contract: ALTER TABLE " + table + " DROP COLUMN " + oldName + ";"));
    }
}
