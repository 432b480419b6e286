package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.lint.TableFacts;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-drop-column} rule; what it guards against is its explanation, below. */
public final class BanDropColumn extends RuleBase {

    public BanDropColumn() {
        super(
                "ban-drop-column",
                Category.DATA_LOSS,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "Dropping a column deletes its data and breaks running code that still selects or inserts it. Stop using it in the code first, deploy, then drop it.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        int drop = s.find(0, "DROP", "COLUMN");
        if (table == null || drop < 0) {
            return List.of();
        }
        int nameAt = s.matchesAt(drop + 2, "IF", "EXISTS") ? drop + 4 : drop + 2;
        String column = s.nameAt(nameAt);
        // the backup needs the column and what finds its row again, not a copy of the whole table
        List<String> key = state.table(table)
                .map(TableFacts::primaryKey)
                .filter(k -> !k.isEmpty())
                .orElse(null);
        String keep =
                key == null ? "id /* the table's primary key */, " + column : String.join(", ", key) + ", " + column;
        return List.of(finding(
                s,
                "dropping " + table + "." + column + " deletes its data and breaks code still using it",
                "-- first remove every use of " + column
                        + " from the code and deploy; back up the data if it may be needed:\n"
                        + "CREATE TABLE " + table + "_" + column.replace("\"", "") + "_backup AS SELECT " + keep
                        + " FROM " + table
                        + " WHERE " + column + " IS NOT NULL;\n" + s.text() + ";"));
    }
}
