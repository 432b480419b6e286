package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-uncommitted-transaction} rule; what it guards against is its explanation, below. */
public final class BanUncommittedTransaction extends RuleBase {

    public BanUncommittedTransaction() {
        super(
                "ban-uncommitted-transaction",
                Category.CORRECTNESS,
                Severity.ERROR,
                LockMode.NONE,
                "A file that opens a transaction with BEGIN and never commits leaves it open: its locks are held until the session ends, and depending on the tool the changes are committed, rolled back or left hanging. End every BEGIN with COMMIT.");
        onStatementsStartingWith("BEGIN");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        return List.of();
    }

    @Override
    public List<Finding> finish(MigrationState state, String file, int lastLine) {
        int opened = state.openExplicitTransactionLine();
        if (opened == 0) {
            return List.of();
        }
        return List.of(new Finding(
                id(),
                defaultSeverity(),
                category(),
                file,
                opened,
                1,
                "BEGIN on line " + opened + " is never committed: the transaction and its locks stay open",
                "COMMIT;  -- at the end of the file",
                lock(),
                dev.schemaguard.tools.lint.Fingerprints.of(id(), file, "begin@" + opened)));
    }
}
