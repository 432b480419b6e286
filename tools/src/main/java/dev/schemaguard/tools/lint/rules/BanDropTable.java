package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code ban-drop-table}: DROP TABLE deletes the table and its data for good, and breaks every query of running code that still reads it. Rename it aside first, or back it up, and drop it in a later release once nothing uses it. */
public final class BanDropTable implements LintRule {

    @Override
    public String id() {
        return "ban-drop-table";
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
        return LockMode.ACCESS_EXCLUSIVE;
    }

    @Override
    public String explanation() {
        return "DROP TABLE deletes the table and its data for good, and breaks every query of running code that still reads it. Rename it aside first, or back it up, and drop it in a later release once nothing uses it.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!s.startsWith("DROP", "TABLE")) {
            return List.of();
        }
        int nameAt = s.matchesAt(2, "IF", "EXISTS") ? 4 : 2;
        String table = s.nameAt(nameAt);
        return List.of(finding(s, "DROP TABLE " + table + " deletes its data and breaks code still using it",
                "-- keep the data until nothing reads the table any more:\nALTER TABLE " + table + " RENAME TO " + table.replaceAll(".*\\.", "") + "_deprecated;"));
    }
}
