package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code adding-not-nullable-field} rule; what it guards against is its explanation, below. */
public final class AddingNotNullableField extends RuleBase {

    public AddingNotNullableField() {
        super(
                "adding-not-nullable-field",
                Category.LOCKING,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "ALTER COLUMN ... SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock to prove there are no NULLs. Since PostgreSQL 12 the scan is skipped when a valid CHECK (col IS NOT NULL) constraint exists, so add that NOT VALID, VALIDATE it (which only blocks DDL), then SET NOT NULL. PostgreSQL 18 can add the NOT NULL constraint itself NOT VALID.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        int set = s.find(0, "SET", "NOT", "NULL");
        int alter = s.find(0, "ALTER", "COLUMN") >= 0 ? s.find(0, "ALTER", "COLUMN") + 2 : s.find(2, "ALTER") + 1;
        if (table == null || set < 0 || alter <= 0 || state.createdHere(table)) {
            return List.of();
        }
        String column = s.nameAt(alter);
        if (state.targetVersion() >= 12 && state.hasValidNotNullCheck(table, column)) {
            return List.of();
        }
        if (state.table(table).map(t -> t.isNotNull(column)).orElse(false)) {
            return List.of(); // already NOT NULL: PostgreSQL does nothing, no scan
        }
        String check = column.replace("\"", "") + "_not_null";
        String fix;
        if (state.targetVersion() >= 18) {
            fix = "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " NOT NULL " + column + " NOT VALID;\n"
                    + "-- in a later transaction (only SHARE UPDATE EXCLUSIVE: reads and writes go on):\n"
                    + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + ";";
        } else if (state.targetVersion() >= 12) {
            fix = "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + column
                    + " IS NOT NULL) NOT VALID;\n"
                    + "-- in a later transaction:\n"
                    + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + ";\n"
                    + "ALTER TABLE " + table + " ALTER COLUMN " + column
                    + " SET NOT NULL;  -- no scan: the valid CHECK proves it\n"
                    + "ALTER TABLE " + table + " DROP CONSTRAINT " + check + ";";
        } else {
            fix = "-- before PostgreSQL 12 SET NOT NULL always scans; enforce it with a CHECK instead:\n"
                    + "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + column
                    + " IS NOT NULL) NOT VALID;\n"
                    + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + ";";
        }
        return List.of(finding(
                s,
                "SET NOT NULL on " + table + "." + column
                        + " scans the table under a lock that blocks reads and writes",
                fix));
    }
}
