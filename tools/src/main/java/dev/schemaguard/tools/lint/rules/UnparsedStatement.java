package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** The {@code unparsed-statement} rule: reported by the engine for a statement neither the recogniser nor JSqlParser understands. */
public final class UnparsedStatement extends RuleBase {

    public static final String ID = "unparsed-statement";

    public UnparsedStatement() {
        super(
                ID,
                Category.CORRECTNESS,
                Severity.INFO,
                LockMode.NONE,
                "A statement the parser does not understand is still checked by the keyword rules, but hazards that need its structure can be missed. It is reported once, so a reviewer knows to read it.");
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        return List.of();
    }
}
