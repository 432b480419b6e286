package dev.schemaguard.tools.schema;

import java.util.List;

/**
 * A table, partitioned table or partition, a view or a materialized view. In summary mode only the scalar fields
 * are filled and the lists are null.
 *
 * @param kind         table, partitioned_table, partition, foreign_table, view or materialized_view
 * @param rowEstimate  the planner's estimate; null when the table was never analysed
 * @param partitionKey for a partitioned table, e.g. {@code RANGE (occurred_at)}
 * @param partitionOf  for a partition: the parent and the bound
 * @param inherits     parents by plain inheritance
 * @param definition   for views and materialized views
 * @param populated    for materialized views: whether it holds data
 */
public record Table(
        String kind,
        String schema,
        String name,
        Long rowEstimate,
        Long tableBytes,
        Long indexBytes,
        Long totalBytes,
        int columnCount,
        String comment,
        String partitionKey,
        Partition partitionOf,
        List<String> inherits,
        String definition,
        Boolean populated,
        List<Column> columns,
        List<Constraint> constraints,
        List<Index> indexes,
        List<Trigger> triggers) {

    public String qualifiedName() {
        return schema + "." + name;
    }

    public record Partition(String parent, String bound) {}
}
