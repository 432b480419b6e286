package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code renaming-table}: Renaming a table breaks every running query that uses the old name. Create the new name as a view over the old table (or the reverse) while code moves over. */
public final class RenamingTable implements LintRule {

    @Override
    public String id() {
        return "renaming-table";
    }

    @Override
    public Category category() {
        return Category.BACKWARD_INCOMPATIBLE;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public LockMode lock() {
        return LockMode.ACCESS_EXCLUSIVE;
    }

    @Override
    public String explanation() {
        return "Renaming a table breaks every running query that uses the old name. Create the new name as a view over the old table (or the reverse) while code moves over.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        String table = s.alteredTable();
        if (table == null || s.find(0, "RENAME", "TO") < 0) {
            return List.of();
        }
        int to = s.find(0, "RENAME", "TO");
        return List.of(finding(s, "renaming " + table + " breaks running code that uses the old name",
                s.text() + ";\n-- keep the old name working while code moves over:\nCREATE VIEW " + table + " AS SELECT * FROM " + s.nameAt(to + 2) + ";"));
    }
}
