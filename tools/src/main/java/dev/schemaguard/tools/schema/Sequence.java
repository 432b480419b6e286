package dev.schemaguard.tools.schema;

/** @param ownedBy {@code schema.table.column} the sequence belongs to (serial and identity columns), else null */
public record Sequence(
        String schema,
        String name,
        String type,
        long start,
        long increment,
        Long lastValue,
        String ownedBy,
        String comment) {}
