package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code unbounded-delete-update}: DELETE or UPDATE without WHERE touches every row of the table in one transaction: usually a mistake, and even when meant, it locks every row and bloats the table. */
public final class UnboundedDeleteUpdate implements LintRule {

    @Override
    public String id() {
        return "unbounded-delete-update";
    }

    @Override
    public Category category() {
        return Category.DATA_LOSS;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public LockMode lock() {
        return LockMode.ROW_EXCLUSIVE;
    }

    @Override
    public String explanation() {
        return "DELETE or UPDATE without WHERE touches every row of the table in one transaction: usually a mistake, and even when meant, it locks every row and bloats the table.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        boolean delete = s.startsWith("DELETE", "FROM");
        boolean update = s.startsWith("UPDATE");
        if (!(delete || update) || s.contains("WHERE")) {
            return List.of();
        }
        return List.of(finding(s, (delete ? "DELETE" : "UPDATE") + " without WHERE changes every row of the table",
                s.text() + " WHERE <condition>;  -- for a real backfill: batches of a few thousand rows by primary key range"));
    }
}
