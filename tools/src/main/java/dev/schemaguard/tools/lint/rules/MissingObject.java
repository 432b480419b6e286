package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code missing-object} rule (schema-aware only); what it guards against is its explanation, below. */
public final class MissingObject extends RuleBase {

    public MissingObject() {
        super(
                "missing-object",
                Category.CORRECTNESS,
                Severity.ERROR,
                LockMode.NONE,
                "With an environment, the linter knows which tables and columns exist. A DROP, RENAME or ALTER of a table or column that is not there fails when the migration runs (or, with IF EXISTS, silently does nothing: often a sign the migration targets the wrong schema).");
        onStatementsStartingWith("ALTER", "DROP");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (state.schema().isEmpty()) {
            return List.of();
        }
        String table = s.alteredTable();
        if (table == null && s.startsWith("DROP", "TABLE")) {
            table = s.targetTable();
        }
        if (table == null || state.createdHere(table)) {
            return List.of();
        }
        var facts = state.table(table);
        String environment = state.schema().get().environment();
        if (facts.isEmpty()) {
            return List.of(finding(
                    s,
                    "table " + table + " does not exist in environment '" + environment + "'",
                    "-- check the name and schema: list tables with inspect_schema (environment '" + environment
                            + "')"));
        }
        int column = s.find(0, "DROP", "COLUMN") >= 0
                ? s.find(0, "DROP", "COLUMN") + 2
                : s.find(0, "RENAME", "COLUMN") >= 0
                        ? s.find(0, "RENAME", "COLUMN") + 2
                        : s.find(0, "ALTER", "COLUMN") >= 0 ? s.find(0, "ALTER", "COLUMN") + 2 : -1;
        if (column > 0 && s.matchesAt(column, "IF", "EXISTS")) {
            column += 2;
        }
        String name = column > 0 ? s.nameAt(column) : null;
        if (name != null && facts.get().columnType(name).isEmpty()) {
            return List.of(finding(
                    s,
                    "column " + table + "." + name + " does not exist in environment '" + environment + "'",
                    "-- columns of " + table + ": "
                            + String.join(", ", facts.get().columnTypes().keySet())));
        }
        return List.of();
    }
}
