package dev.schemaguard.tools.deps;

/**
 * A change in a migration that can break or change the behaviour of what depends on it.
 *
 * @param change   dropped-table, dropped-column, renamed-table, renamed-column, type-change, not-null, fk-action
 * @param severity breaks (code and objects that use it fail) or changes (they keep working but may behave differently
 *                 or fail on some rows)
 */
public record SchemaChange(
        int statement, int line, String sql, ChangeKind change, String severity, String target, String detail) {}
