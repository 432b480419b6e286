package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code adding-foreign-key-constraint} rule; what it guards against is its explanation, below. */
public final class AddingForeignKeyConstraint extends RuleBase {

    public AddingForeignKeyConstraint() {
        super(
                "adding-foreign-key-constraint",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.SHARE_ROW_EXCLUSIVE,
                "Adding a foreign key checks every existing row while holding SHARE ROW EXCLUSIVE locks on both tables, blocking writes to both. Add it NOT VALID (instant), then VALIDATE CONSTRAINT, which only takes a SHARE UPDATE EXCLUSIVE lock.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        if (table == null
                || state.createdHere(table)
                || s.contains("NOT", "VALID")
                || !(s.contains("FOREIGN", "KEY") || (s.contains("ADD") && s.contains("REFERENCES")))) {
            return List.of();
        }
        int named = s.find(0, "CONSTRAINT");
        String name = named >= 0 ? s.nameAt(named + 1) : null;
        String fix = name == null
                ? "-- name the constraint so it can be validated: ADD CONSTRAINT <name> FOREIGN KEY ... NOT VALID;\n-- then ALTER TABLE "
                        + table + " VALIDATE CONSTRAINT <name>;"
                : s.text() + " NOT VALID;\nALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + ";";
        return List.of(finding(
                s,
                "adding a foreign key blocks writes to " + table
                        + " and the referenced table while every row is checked",
                fix));
    }
}
