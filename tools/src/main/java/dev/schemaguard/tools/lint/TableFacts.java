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
 */
public record TableFacts(String name, long rowEstimate, long bytes, Map<String, String> columnTypes, List<String> primaryKey) {

    public TableFacts(String name, long rowEstimate, long bytes, Map<String, String> columnTypes) {
        this(name, rowEstimate, bytes, columnTypes, List.of());
    }

    public Optional<String> columnType(String column) {
        String key = column.startsWith("\"") ? column.substring(1, column.length() - 1) : column.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(columnTypes.get(key));
    }
}
