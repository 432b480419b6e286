package dev.schemaguard.tools.schema;

/**
 * A column of a table, view or materialized view.
 *
 * @param identity  {@code always} or {@code by default} for identity columns, else null
 * @param generated the expression of a STORED generated column, else null
 * @param collation the collation when it is not the type's default, else null
 */
public record Column(
        int position,
        String name,
        String type,
        boolean nullable,
        String defaultValue,
        String identity,
        String generated,
        String collation,
        String comment) {}
