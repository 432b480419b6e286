package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code prefer-bigint-over-int} rule; what it guards against is its explanation, below. */
public final class PreferBigintOverInt extends RuleBase {

    public PreferBigintOverInt() {
        super(
                "prefer-bigint-over-int",
                Category.CONVENTION,
                Severity.WARNING,
                LockMode.NONE,
                "A 32-bit integer key runs out at 2,147,483,647; widening it later rewrites the table under an ACCESS EXCLUSIVE lock. bigint costs four bytes more and never runs out.");
        onStatementsStartingWith("ALTER", "CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null)
                || !ColumnTypes.has(s, "INT", "INTEGER", "INT4", "SERIAL", "SERIAL4")
                || !ColumnTypes.hasOwnValues(s, "INT", "INTEGER", "INT4", "SERIAL", "SERIAL4")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "32-bit integer column: widening it later rewrites the table",
                Rewrite.of(s.text())
                                .all("(?i)\\bserial4?\\b", "bigserial")
                                .all("(?i)\\b(integer|int4|int)\\b", "bigint")
                        + ";"));
    }
}
