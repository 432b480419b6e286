package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code constraint-missing-not-valid} rule; what it guards against is its explanation, below. */
public final class ConstraintMissingNotValid extends RuleBase {

    public ConstraintMissingNotValid() {
        super(
                "constraint-missing-not-valid",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "ADD CONSTRAINT ... CHECK scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes. Add it NOT VALID, then VALIDATE CONSTRAINT in a later transaction: a VALIDATE in the same transaction as its ADD still scans under the ADD's lock.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        int validate = s.find(0, "VALIDATE", "CONSTRAINT");
        if (table != null
                && validate >= 0
                && state.inTransaction()
                && state.constraintAddedInTransaction(s.nameAt(validate + 2))) {
            return List.of(finding(
                    s,
                    "VALIDATE CONSTRAINT " + s.nameAt(validate + 2) + " runs in the transaction that added it: "
                            + "the ADD's ACCESS EXCLUSIVE lock is still held while the table is scanned",
                    "COMMIT;  -- or move the VALIDATE to the next migration\n" + s.text() + ";"));
        }
        int column = s.find(0, "ADD", "COLUMN");
        int inlineCheck = column < 0 ? -1 : s.find(column, "CHECK");
        if (table != null && inlineCheck > 0 && !state.createdHere(table)) {
            // a CHECK written with the new column cannot be NOT VALID: it is checked against every row as the column is
            // added
            String name = s.nameAt(s.matchesAt(column + 2, "IF", "NOT", "EXISTS") ? column + 5 : column + 2);
            return List.of(finding(
                    s,
                    "the CHECK on new column " + name + " scans " + table + " under an ACCESS EXCLUSIVE lock",
                    "-- add the column without its CHECK, then the CHECK NOT VALID, and VALIDATE it in a later transaction:\n"
                            + "ALTER TABLE " + table + " ADD COLUMN " + name + " <type>;\n"
                            + "ALTER TABLE " + table + " ADD CONSTRAINT " + name.replace("\"", "")
                            + "_check CHECK (<condition>) NOT VALID;"));
        }
        int constraint = s.find(0, "ADD", "CONSTRAINT");
        if (table == null
                || constraint < 0
                || state.createdHere(table)
                || s.contains("NOT", "VALID")
                || !s.matchesAt(constraint + 3, "CHECK")) {
            return List.of();
        }
        String name = s.nameAt(constraint + 2);
        return List.of(finding(
                s,
                "CHECK constraint " + name + " is validated under a lock that blocks reads and writes of " + table,
                s.text() + " NOT VALID;\n-- in a later transaction:\nALTER TABLE " + table + " VALIDATE CONSTRAINT "
                        + name + ";"));
    }
}
