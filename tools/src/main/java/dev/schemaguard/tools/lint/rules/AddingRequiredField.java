package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code adding-required-field} rule; what it guards against is its explanation, below. */
public final class AddingRequiredField extends RuleBase {

    public AddingRequiredField() {
        super(
                "adding-required-field",
                Category.BACKWARD_INCOMPATIBLE,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "Adding a NOT NULL column without a DEFAULT fails on a table that has rows, and breaks every INSERT of code that does not know the column yet. Add it nullable (or with a default), backfill, then enforce NOT NULL.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        int add = s.find(0, "ADD");
        if (table == null
                || add < 0
                || s.matchesAt(add + 1, "CONSTRAINT")
                || !s.contains("NOT", "NULL")
                || s.contains("DEFAULT")
                || s.contains("GENERATED")) {
            return List.of();
        }
        int nameAt = s.matchesAt(add + 1, "COLUMN") ? add + 2 : add + 1;
        if (s.matchesAt(nameAt, "IF", "NOT", "EXISTS")) {
            nameAt += 3;
        }
        String column = s.nameAt(nameAt);
        if (state.createdHere(table)) {
            return List.of();
        }
        String nullable = Rewrite.of(s.text()).first("(?i)\\s+NOT\\s+NULL", "").toString();
        String fix = nullable + ";\n-- backfill in batches, then:\n"
                + "ALTER TABLE " + table + " ADD CONSTRAINT " + column + "_not_null CHECK (" + column
                + " IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + column + "_not_null;\n"
                + "ALTER TABLE " + table + " ALTER COLUMN " + column
                + " SET NOT NULL;  -- PostgreSQL 12+: uses the valid CHECK, no scan\n"
                + "ALTER TABLE " + table + " DROP CONSTRAINT " + column + "_not_null;";
        return List.of(finding(
                s,
                "NOT NULL column " + column
                        + " without a DEFAULT fails on existing rows and breaks inserts of running code",
                fix));
    }
}
