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

/** The {@code unparsed-statement} rule: reported by the engine for a statement neither the recogniser nor JSqlParser understands. */
public final class UnparsedStatement extends RuleBase {

    public static final String ID = LintMigration.UNPARSED_STATEMENT;

    public UnparsedStatement() {
        super(
                ID,
                Category.CORRECTNESS,
                Severity.INFO,
                LockMode.NONE,
                "A statement the parser does not understand is still checked by the keyword rules, but hazards that need its structure can be missed. It is reported once, so a reviewer knows to read it.");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        return List.of();
    }
}
