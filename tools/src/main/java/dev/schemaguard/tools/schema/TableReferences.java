package dev.schemaguard.tools.schema;

import java.util.List;

/**
 * What points at one table: the answer to "who breaks if I change it?" inside the database.
 *
 * @param referencedBy      foreign keys in other tables (or this one) that reference it
 * @param dependentViews    views and materialized views whose definition reads it
 * @param ownedSequences    sequences owned by its columns (serial and identity)
 * @param partitionsOrChildren partitions of a partitioned table, or children by inheritance
 */
public record TableReferences(
        List<IncomingForeignKey> referencedBy,
        List<String> dependentViews,
        List<String> ownedSequences,
        List<String> partitionsOrChildren) {

    public record IncomingForeignKey(
            String table,
            String constraint,
            List<String> columns,
            List<String> referencedColumns,
            String onDelete,
            String onUpdate,
            boolean validated) {}
}
