package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code matview-rebuild-in-transaction} rule; what it guards against is its explanation, below. */
public final class MatviewRebuildInTransaction extends RuleBase {

    public MatviewRebuildInTransaction() {
        super(
                "matview-rebuild-in-transaction",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "DROP MATERIALIZED VIEW and CREATE MATERIALIZED VIEW of the same name in one transaction hold the drop's ACCESS EXCLUSIVE lock while the new view is built: every read of it waits for the whole build. Build the new one under another name, then swap the names in a short transaction.");
        onStatementsStartingWith("CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("CREATE", "MATERIALIZED", "VIEW") || s.contains("WITH", "NO", "DATA")) {
            return List.of();
        }
        String name = s.nameAt(s.matchesAt(3, "IF", "NOT", "EXISTS") ? 6 : 3);
        if (name == null || !state.matviewDroppedInTransaction(name)) {
            return List.of();
        }
        return List.of(finding(
                s,
                name + " is dropped and built again in one transaction: its readers wait for the whole build",
                "-- build the new view beside the old one, then swap the names:\n"
                        + s.text()
                                .replaceFirst(
                                        "(?i)" + java.util.regex.Pattern.quote(name),
                                        java.util.regex.Matcher.quoteReplacement(name + "_new"))
                        + ";\n"
                        + "-- in a short transaction:\nALTER MATERIALIZED VIEW " + name + " RENAME TO "
                        + name.replaceAll(".*\\.", "") + "_old;\n"
                        + "ALTER MATERIALIZED VIEW " + name + "_new RENAME TO " + name.replaceAll(".*\\.", "") + ";\n"
                        + "DROP MATERIALIZED VIEW " + name.replaceAll("\\.[^.]*$", ".") + name.replaceAll(".*\\.", "")
                        + "_old;"));
    }
}
