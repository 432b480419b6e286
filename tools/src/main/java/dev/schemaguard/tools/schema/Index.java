package dev.schemaguard.tools.schema;

/**
 * An index of a table or materialized view.
 *
 * @param predicate the WHERE of a partial index, else null
 * @param valid     false for an index left invalid, e.g. by a failed CREATE INDEX CONCURRENTLY
 */
public record Index(
        String name,
        String definition,
        String method,
        boolean unique,
        boolean primary,
        String predicate,
        boolean valid,
        Long sizeBytes,
        String comment) {}
