package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code require-statement-timeout} rule (off by default); what it guards against is its explanation, below. */
public final class RequireStatementTimeout extends RuleBase {

    public RequireStatementTimeout() {
        super(
                "require-statement-timeout",
                Category.LOCKING,
                Severity.OFF,
                LockMode.ACCESS_EXCLUSIVE,
                "Once a statement holds an ACCESS EXCLUSIVE lock, everything on the table waits for it to finish. A statement_timeout bounds how long that can be, so a rewrite that takes longer than planned is cancelled instead of stalling production.");
        onStatementsStartingWith("ALTER", "DROP", "TRUNCATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        boolean locking =
                table != null && !state.createdHere(table) || s.startsWith("DROP", "TABLE") || s.startsWith("TRUNCATE");
        if (!locking || state.statementTimeoutSet()) {
            return List.of();
        }
        return List.of(finding(
                s,
                "holds an ACCESS EXCLUSIVE lock with no statement_timeout: nothing bounds how long the table is blocked",
                "SET statement_timeout = '15s';\n" + s.text() + ";"));
    }
}
