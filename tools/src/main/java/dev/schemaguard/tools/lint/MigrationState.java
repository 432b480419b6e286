package dev.schemaguard.tools.lint;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** What the linter knows about the migration so far: tables it created, and whether a transaction is open. */
public final class MigrationState {

    private final Set<String> createdTables = new HashSet<>();
    private final boolean wrappedInTransaction;
    private boolean explicitTransaction;
    private boolean lockTimeoutSet;

    public MigrationState(boolean wrappedInTransaction) {
        this.wrappedInTransaction = wrappedInTransaction;
    }

    /** Tables created earlier in the same migration are empty and unseen by others: lock rules leave them alone. */
    public boolean createdHere(String table) {
        return table != null && createdTables.contains(normalize(table));
    }

    public boolean inTransaction() {
        return wrappedInTransaction || explicitTransaction;
    }

    /** Whether the file set lock_timeout before the statement at hand. */
    public boolean lockTimeoutSet() {
        return lockTimeoutSet;
    }

    void observe(LintStatement statement) {
        if ((statement.startsWith("SET", "LOCK_TIMEOUT") || statement.startsWith("SET", "LOCAL", "LOCK_TIMEOUT"))
                && !statement.matchesAt(statement.find(0, "LOCK_TIMEOUT") + 2, "0")) {
            lockTimeoutSet = true;
        }
        if (statement.startsWith("CREATE", "TABLE")) {
            int i = statement.matchesAt(2, "IF", "NOT", "EXISTS") ? 5 : 2;
            String name = statement.nameAt(i);
            if (name != null) {
                createdTables.add(normalize(name));
            }
        } else if (statement.startsWith("BEGIN") || statement.startsWith("START", "TRANSACTION")) {
            explicitTransaction = true;
        } else if (statement.startsWith("COMMIT") || statement.startsWith("ROLLBACK") || statement.startsWith("END")) {
            explicitTransaction = false;
        }
    }

    private static String normalize(String table) {
        String name = table.replace("\"", "").toLowerCase(Locale.ROOT);
        return name.contains(".") ? name : "public." + name;
    }
}
