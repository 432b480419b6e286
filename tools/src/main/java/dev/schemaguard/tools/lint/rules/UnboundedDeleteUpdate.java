package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code unbounded-delete-update} rule; what it guards against is its explanation, below. */
public final class UnboundedDeleteUpdate extends RuleBase {

    public UnboundedDeleteUpdate() {
        super(
                "unbounded-delete-update",
                Category.DATA_LOSS,
                Severity.ERROR,
                LockMode.ROW_EXCLUSIVE,
                "DELETE or UPDATE without WHERE touches every row of the table in one transaction: usually a mistake, and even when meant, it locks every row and bloats the table.");
        onStatementsStartingWith("DELETE", "UPDATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        boolean delete = s.startsWith("DELETE", "FROM");
        boolean update = s.startsWith("UPDATE");
        if (!(delete || update) || s.contains("WHERE")) {
            return List.of();
        }
        // a row trigger runs for every one of those rows, and writes what it writes each time
        List<String> triggers =
                state.table(s.targetTable()).map(t -> t.triggers()).orElse(List.of());
        String also =
                triggers.isEmpty() ? "" : "; its row triggers run for each of them too: " + String.join(", ", triggers);
        return List.of(
                finding(
                        s,
                        (delete ? "DELETE" : "UPDATE") + " without WHERE changes every row of the table" + also,
                        s.text()
                                + " WHERE <condition>;  -- for a real backfill: batches of a few thousand rows by primary key range"));
    }
}
