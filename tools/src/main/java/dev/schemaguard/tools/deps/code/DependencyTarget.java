package dev.schemaguard.tools.deps.code;

import dev.schemaguard.tools.InputException;

/** What {@code map_dependencies} is asked about: {@code schema.table} or {@code schema.table.column}. */
public record DependencyTarget(String schema, String table, String column) {

    public static DependencyTarget parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.");
        if (parts.length < 2
                || parts.length > 3
                || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new InputException("target must be schema.table or schema.table.column, was '" + text + "'.");
        }
        return new DependencyTarget(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    public String qualifiedTable() {
        return schema + "." + table;
    }

    @Override
    public String toString() {
        return column == null ? qualifiedTable() : qualifiedTable() + "." + column;
    }
}
