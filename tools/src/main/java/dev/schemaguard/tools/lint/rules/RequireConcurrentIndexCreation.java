package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code require-concurrent-index-creation} rule; what it guards against is its explanation, below. */
public final class RequireConcurrentIndexCreation extends RuleBase {

    public RequireConcurrentIndexCreation() {
        super(
                "require-concurrent-index-creation",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.SHARE,
                "CREATE INDEX without CONCURRENTLY takes a SHARE lock on the table: every INSERT, UPDATE and DELETE waits until the whole index is built, which on a large table can take minutes to hours. CREATE INDEX CONCURRENTLY builds it without blocking writes (it cannot run inside a transaction block).");
        onStatementsStartingWith("CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX"))
                || s.contains("CONCURRENTLY")) {
            return List.of();
        }
        int on = s.find(0, "ON");
        int tableAt = s.matchesAt(on + 1, "ONLY") ? on + 2 : on + 1;
        if (on < 0 || state.createdHere(s.nameAt(tableAt))) {
            return List.of();
        }
        String fix = Rewrite.of(s.text()).first("(?i)\\bINDEX\\b", "INDEX CONCURRENTLY")
                + ";  -- outside a transaction block";
        return List.of(
                finding(s, "CREATE INDEX blocks writes to " + s.nameAt(tableAt) + " until the index is built", fix));
    }
}
