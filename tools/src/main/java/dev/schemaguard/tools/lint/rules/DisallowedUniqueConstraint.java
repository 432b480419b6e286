package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code disallowed-unique-constraint} rule; what it guards against is its explanation, below. */
public final class DisallowedUniqueConstraint extends RuleBase {

    public DisallowedUniqueConstraint() {
        super(
                "disallowed-unique-constraint",
                Category.LOCKING,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "ADD CONSTRAINT ... UNIQUE builds its index while holding an ACCESS EXCLUSIVE lock: no reads or writes until the index is built. Build the unique index CONCURRENTLY first, then attach it with UNIQUE USING INDEX, which is instant.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        int unique = s.find(0, "UNIQUE");
        if (table == null
                || unique < 0
                || !s.contains("ADD")
                || s.contains("USING", "INDEX")
                || state.createdHere(table)
                || s.contains("ALTER", "COLUMN")) {
            return List.of();
        }
        int constraint = s.find(0, "ADD", "CONSTRAINT");
        String name =
                constraint >= 0 ? s.nameAt(constraint + 2) : table.substring(table.lastIndexOf('.') + 1) + "_unique";
        String columns = Parentheses.after(s, unique);
        if (columns == null) {
            return List.of(finding(
                    s,
                    "a UNIQUE column adds its index under a lock that blocks reads and writes of " + table,
                    "-- add the column without UNIQUE, then:\nCREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table
                            + " (<column>);\n" + "ALTER TABLE " + table + " ADD CONSTRAINT " + name
                            + " UNIQUE USING INDEX " + name + ";"));
        }
        return List.of(finding(
                s,
                "UNIQUE constraint " + name + " builds its index under a lock that blocks reads and writes of " + table,
                "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table + " " + columns
                        + ";  -- outside a transaction block\n" + "ALTER TABLE " + table + " ADD CONSTRAINT " + name
                        + " UNIQUE USING INDEX " + name + ";"));
    }
}
