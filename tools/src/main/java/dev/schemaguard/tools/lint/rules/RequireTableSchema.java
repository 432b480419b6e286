package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code require-table-schema} rule (off by default); what it guards against is its explanation, below. */
public final class RequireTableSchema extends RuleBase {

    public RequireTableSchema() {
        super(
                "require-table-schema",
                Category.CONVENTION,
                Severity.OFF,
                LockMode.NONE,
                "An unqualified table name resolves through the session's search_path, which differs between tools, roles and environments: the migration can change a different table than the one meant. Write schema.table.");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.targetTable();
        if (table == null && (s.startsWith("CREATE", "TABLE") || s.startsWith("CREATE", "UNLOGGED", "TABLE"))) {
            int i = s.find(0, "TABLE") + 1;
            table = s.nameAt(s.matchesAt(i, "IF", "NOT", "EXISTS") ? i + 3 : i);
        }
        if (table == null || table.contains(".")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "table " + table + " is not schema-qualified",
                s.text()
                                .replaceFirst(
                                        "\\b" + java.util.regex.Pattern.quote(table) + "\\b",
                                        java.util.regex.Matcher.quoteReplacement("public." + table))
                        + ";  -- or the schema you mean"));
    }
}
