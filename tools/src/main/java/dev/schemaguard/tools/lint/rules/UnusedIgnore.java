package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintMigration;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code unused-ignore} rule: reported by the engine for a schemaguard:ignore comment that silenced nothing. */
public final class UnusedIgnore extends RuleBase {

    public static final String ID = LintMigration.UNUSED_IGNORE;

    public UnusedIgnore() {
        super(
                ID,
                Category.CONVENTION,
                Severity.WARNING,
                LockMode.NONE,
                "An ignore comment that silences nothing is stale (the statement changed, or the rule id is misspelt), and a stale ignore can later hide a real finding. Remove it.");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        return List.of();
    }
}
