package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-drop-table} rule; what it guards against is its explanation, below. */
public final class BanDropTable extends RuleBase {

    public BanDropTable() {
        super(
                "ban-drop-table",
                Category.DATA_LOSS,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "DROP TABLE deletes the table and its data for good, and breaks every query of running code that still reads it. Rename it aside first, or back it up, and drop it in a later release once nothing uses it.");
        onStatementsStartingWith("DROP");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("DROP", "TABLE")) {
            return List.of();
        }
        int nameAt = s.matchesAt(2, "IF", "EXISTS") ? 4 : 2;
        String table = s.nameAt(nameAt);
        return List.of(finding(
                s,
                "DROP TABLE " + table + " deletes its data and breaks code still using it",
                "-- keep the data until nothing reads the table any more:\nALTER TABLE " + table + " RENAME TO "
                        + table.replaceAll(".*\\.", "") + "_deprecated;"));
    }
}
