package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code prefer-bigint-over-smallint} rule; what it guards against is its explanation, below. */
public final class PreferBigintOverSmallint extends RuleBase {

    public PreferBigintOverSmallint() {
        super(
                "prefer-bigint-over-smallint",
                Category.CONVENTION,
                Severity.WARNING,
                LockMode.NONE,
                "A smallint runs out at 32,767; widening it later rewrites the table under an ACCESS EXCLUSIVE lock.");
        onStatementsStartingWith("ALTER", "CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null)
                || !ColumnTypes.has(s, "SMALLINT", "INT2", "SMALLSERIAL", "SERIAL2")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "smallint column: widening it later rewrites the table",
                Rewrite.of(s.text())
                                .all("(?i)\\b(smallserial|serial2)\\b", "bigserial")
                                .all("(?i)\\b(smallint|int2)\\b", "bigint")
                        + ";"));
    }
}
