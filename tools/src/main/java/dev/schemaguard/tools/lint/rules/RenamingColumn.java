package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code renaming-column} rule; what it guards against is its explanation, below. */
public final class RenamingColumn extends RuleBase {

    public RenamingColumn() {
        super(
                "renaming-column",
                Category.BACKWARD_INCOMPATIBLE,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "Renaming a column breaks every running query that uses the old name. Add the new column, write to both, migrate readers, then drop the old one (expand and contract).");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        StatementShape.Rename rename = s.rename()
                .filter(r -> r.kind() == StatementShape.Rename.Kind.COLUMN)
                .orElse(null);
        if (rename == null) {
            return List.of();
        }
        String table = rename.table();
        String oldName = rename.from().raw();
        String newName = rename.to().raw();
        return List.of(finding(
                s,
                "renaming " + table + "." + oldName + " breaks running code that uses the old name",
                "-- expand: ALTER TABLE " + table + " ADD COLUMN " + newName + " <same type>;\n"
                        + "-- keep both in step (trigger or dual writes), backfill: UPDATE " + table + " SET " + newName
                        + " = " + oldName + ";\n"
                        + "-- move readers to " + newName + ", deploy, then contract: ALTER TABLE " + table
                        + " DROP COLUMN " + oldName + ";"));
    }
}
