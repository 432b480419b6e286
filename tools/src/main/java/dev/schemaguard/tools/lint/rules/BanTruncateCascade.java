package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-truncate-cascade} rule; what it guards against is its explanation, below. */
public final class BanTruncateCascade extends RuleBase {

    public BanTruncateCascade() {
        super(
                "ban-truncate-cascade",
                Category.DATA_LOSS,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "TRUNCATE ... CASCADE also empties every table that references the truncated ones through foreign keys, recursively: far more data than the statement names.");
        onStatementsStartingWith("TRUNCATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("TRUNCATE") || !s.contains("CASCADE")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "TRUNCATE CASCADE also empties every table that references these, recursively",
                Rewrite.of(s.text()).all("(?i)\\s+CASCADE\\b", "")
                        + ";  -- fails if other tables reference it: empty those explicitly, after review"));
    }
}
