package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code ban-truncate-cascade}: TRUNCATE ... CASCADE also empties every table that references the truncated ones through foreign keys, recursively: far more data than the statement names. */
public final class BanTruncateCascade implements LintRule {

    @Override
    public String id() {
        return "ban-truncate-cascade";
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
        return "TRUNCATE ... CASCADE also empties every table that references the truncated ones through foreign keys, recursively: far more data than the statement names.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!s.startsWith("TRUNCATE") || !s.contains("CASCADE")) {
            return List.of();
        }
        return List.of(finding(s, "TRUNCATE CASCADE also empties every table that references these, recursively",
                s.text().replaceAll("(?i)\\s+CASCADE\\b", "") + ";  -- fails if other tables reference it: empty those explicitly, after review"));
    }
}
