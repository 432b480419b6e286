package dev.schemaguard.tools.lint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the linter knows of one table, from the live schema of an environment or from a CREATE TABLE earlier in the
 * migration.
 *
 * @param rowEstimate  the planner's estimate (-1 when unknown, e.g. a table created by the migration itself)
 * @param bytes        total size incl. indexes and TOAST (-1 when unknown)
 * @param columnTypes  column name (lower case unless quoted) to its type as PostgreSQL prints it
 * @param primaryKey   its primary key's columns, empty when it has none or it is not known
 * @param notNull      the columns known to be NOT NULL already (same keys as columnTypes)
 * @param triggers     its row triggers, "name → function()", for what a bulk change would also run
 */
public record TableFacts(
        String name,
        long rowEstimate,
        long bytes,
        Map<String, String> columnTypes,
        List<String> primaryKey,
        java.util.Set<String> notNull,
        List<String> triggers) {

    public TableFacts(String name, long rowEstimate, long bytes, Map<String, String> columnTypes) {
        this(name, rowEstimate, bytes, columnTypes, List.of());
    }

    public TableFacts(
            String name, long rowEstimate, long bytes, Map<String, String> columnTypes, List<String> primaryKey) {
        this(name, rowEstimate, bytes, columnTypes, primaryKey, java.util.Set.of(), List.of());
    }

    public boolean isNotNull(String column) {
        String key =
                column.startsWith("\"") ? column.substring(1, column.length() - 1) : column.toLowerCase(Locale.ROOT);
        return notNull.contains(key);
    }

    public Optional<String> columnType(String column) {
        String key =
                column.startsWith("\"") ? column.substring(1, column.length() - 1) : column.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(columnTypes.get(key));
    }
}
