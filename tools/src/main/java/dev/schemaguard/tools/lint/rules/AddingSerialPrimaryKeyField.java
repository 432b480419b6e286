package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code adding-serial-primary-key-field} rule; what it guards against is its explanation, below. */
public final class AddingSerialPrimaryKeyField extends RuleBase {

    public AddingSerialPrimaryKeyField() {
        super(
                "adding-serial-primary-key-field",
                Category.LOCKING,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "ADD PRIMARY KEY builds a unique index (and, for a new serial column, rewrites the table) while holding an ACCESS EXCLUSIVE lock. Build the unique index CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX, which only checks NOT NULL.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        int primary = s.find(0, "PRIMARY", "KEY");
        if (table == null
                || primary < 0
                || !s.contains("ADD")
                || s.contains("USING", "INDEX")
                || state.createdHere(table)) {
            return List.of();
        }
        int constraint = s.find(0, "ADD", "CONSTRAINT");
        String name =
                constraint >= 0 ? s.nameAt(constraint + 2) : table.substring(table.lastIndexOf('.') + 1) + "_pkey";
        String columns = Parentheses.after(s, primary + 1);
        if (columns == null) {
            int add = s.find(0, "ADD");
            int nameAt = s.matchesAt(add + 1, "COLUMN") ? add + 2 : add + 1;
            columns = "(" + s.nameAt(nameAt) + ")";
        }
        return List.of(finding(
                s,
                "ADD PRIMARY KEY builds its index under a lock that blocks reads and writes of " + table,
                "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table + " " + columns
                        + ";  -- outside a transaction block\n" + "ALTER TABLE " + table + " ADD CONSTRAINT " + name
                        + " PRIMARY KEY USING INDEX " + name + ";"));
    }
}
