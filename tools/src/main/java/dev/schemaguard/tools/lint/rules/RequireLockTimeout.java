package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code require-lock-timeout} rule; what it guards against is its explanation, below. */
public final class RequireLockTimeout extends RuleBase {

    public RequireLockTimeout() {
        super(
                "require-lock-timeout",
                Category.LOCKING,
                Severity.WARNING,
                LockMode.ACCESS_EXCLUSIVE,
                "A statement waiting for an ACCESS EXCLUSIVE lock queues every later query on the table behind it, so one long-running SELECT can stall all traffic. SET lock_timeout first, so it gives up (and can be retried) instead.");
        onStatementsStartingWith("ALTER", "DROP", "TRUNCATE", "CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        String lock = "an ACCESS EXCLUSIVE lock";
        String stalls = "every query";
        boolean locking =
                table != null && !state.createdHere(table) || s.startsWith("DROP", "TABLE") || s.startsWith("TRUNCATE");
        if (!locking
                && (s.startsWith("CREATE", "TRIGGER")
                        || s.startsWith("CREATE", "OR", "REPLACE", "TRIGGER")
                        || s.startsWith("CREATE", "CONSTRAINT", "TRIGGER")
                        || s.startsWith("CREATE", "OR", "REPLACE", "CONSTRAINT", "TRIGGER"))) {
            // CREATE TRIGGER takes SHARE ROW EXCLUSIVE on its table: every write queues behind it
            String on = s.nameAt(s.find(0, "ON") + 1);
            locking = on != null && !state.createdHere(on);
            lock = "a SHARE ROW EXCLUSIVE lock";
            stalls = "every write";
        } else if (!locking && s.startsWith("DROP", "TRIGGER")) {
            String on = s.nameAt(s.find(0, "ON") + 1);
            locking = on != null && !state.createdHere(on); // DROP TRIGGER takes ACCESS EXCLUSIVE on the table
        }
        if (!locking || state.lockTimeoutSet()) {
            return List.of();
        }
        return List.of(finding(
                s,
                "takes " + lock + " without a lock_timeout: waiting for it stalls " + stalls + " on the table",
                "SET lock_timeout = '5s';\n" + s.text() + ";"));
    }
}
