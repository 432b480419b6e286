package dev.schemaguard.tools.lint.input;

/**
 * One piece of migration SQL, where it came from, and whether its tool runs it in a transaction.
 *
 * @param firstLine 1-based line in {@code file} where {@code sql} starts
 * @param tool      "flyway", "golang-migrate", "dbmate", "liquibase" or "plain"
 * @param role      "up", "down", "undo", "repeatable" or "rollback"
 */
public record MigrationUnit(String file, int firstLine, String sql, boolean inTransaction, String tool, String role) {
}
