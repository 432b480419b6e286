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

/** The {@code syntax-error} rule: reported by the engine, which then skips the other rules on the statement. */
public final class SyntaxError extends RuleBase {

    public static final String ID = LintMigration.SYNTAX_ERROR;

    public SyntaxError() {
        super(
                ID,
                Category.CORRECTNESS,
                Severity.ERROR,
                LockMode.NONE,
                "PostgreSQL refuses a statement that does not parse, and the migration fails there. The linter tells what it can without PostgreSQL's parser — a command it does not know, a misspelt ALTER TABLE action — and gives no other advice on such a statement; dry_run shows the rest.");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        return List.of();
    }
}
