package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** The {@code syntax-error} rule: reported by the engine, which then skips the other rules on the statement. */
public final class SyntaxError extends RuleBase {

    public static final String ID = "syntax-error";

    public SyntaxError() {
        super(
                ID,
                Category.CORRECTNESS,
                Severity.ERROR,
                LockMode.NONE,
                "PostgreSQL refuses a statement that does not parse, and the migration fails there. The linter tells what it can without PostgreSQL's parser — a command it does not know, a misspelt ALTER TABLE action — and gives no other advice on such a statement; dry_run shows the rest.");
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        return List.of();
    }
}
