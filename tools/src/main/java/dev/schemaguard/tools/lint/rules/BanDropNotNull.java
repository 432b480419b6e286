package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code ban-drop-not-null}: Dropping NOT NULL lets NULLs in, which running code that assumes a value may not handle. */
public final class BanDropNotNull implements LintRule {

    @Override
    public String id() {
        return "ban-drop-not-null";
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
        return "Dropping NOT NULL lets NULLs in, which running code that assumes a value may not handle.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (s.alteredTable() == null || !s.contains("DROP", "NOT", "NULL")) {
            return List.of();
        }
        return List.of(finding(s, "dropping NOT NULL lets NULLs reach code that does not expect them",
                "-- make sure every reader handles NULL (and deploy that) before:\n" + s.text() + ";"));
    }
}
