package dev.schemaguard.tools.lint.input;

/**
 * One piece of migration SQL, where it came from, and whether its tool runs it in a transaction.
 *
 * @param changeSet for a Liquibase changeset, {@code id::author} as its history table records it; null otherwise
 */
public record MigrationUnit(
        String file, int firstLine, String sql, boolean inTransaction, String tool, String role, String changeSet) {

    public MigrationUnit(String file, int firstLine, String sql, boolean inTransaction, String tool, String role) {
        this(file, firstLine, sql, inTransaction, tool, role, null);
    }

    static final String UP = "up";
    static final String DOWN = "down";
    static final String UNDO = "undo";
    static final String REPEATABLE = "repeatable";
    static final String ROLLBACK = "rollback";

    /** Down, undo and rollback units run after the forward ones, in reverse order. */
    public boolean reverts() {
        return DOWN.equals(role) || UNDO.equals(role) || ROLLBACK.equals(role);
    }
}
