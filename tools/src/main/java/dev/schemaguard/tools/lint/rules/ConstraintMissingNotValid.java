package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** The {@code constraint-missing-not-valid} rule; what it guards against is its explanation, below. */
public final class ConstraintMissingNotValid extends RuleBase {

    public ConstraintMissingNotValid() {
        super("constraint-missing-not-valid", Category.LOCKING, Severity.WARNING, LockMode.ACCESS_EXCLUSIVE,
                "ADD CONSTRAINT ... CHECK scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes. Add it NOT VALID, then VALIDATE CONSTRAINT in a later transaction.");
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        String table = s.alteredTable();
        int constraint = s.find(0, "ADD", "CONSTRAINT");
        if (table == null || constraint < 0 || state.createdHere(table) || s.contains("NOT", "VALID") || !s.matchesAt(constraint + 3, "CHECK")) {
            return List.of();
        }
        String name = s.nameAt(constraint + 2);
        return List.of(finding(s, "CHECK constraint " + name + " is validated under a lock that blocks reads and writes of " + table,
                s.text() + " NOT VALID;\n-- in a later transaction:\nALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + ";"));
    }
}
