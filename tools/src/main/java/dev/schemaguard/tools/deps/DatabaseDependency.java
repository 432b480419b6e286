package dev.schemaguard.tools.deps;

/**
 * One thing in the database that depends on the target (or that the target depends on).
 *
 * @param kind   foreign-key (a table referencing the target), references (a table the target references), view,
 *               materialized-view, trigger, function (its body names the target), sequence, default, generated-column,
 *               index, constraint, policy, publication, replication-slot (a logical slot whose consumer reads the
 *               table's changes), partition, parent
 * @param object the dependent object, schema-qualified
 * @param detail what the dependency is (the constraint, the columns, the ON DELETE action, the trigger's function …)
 * @param depth  1 for direct dependencies; more through views of views and chains of foreign keys
 * @param via    the object it depends on the target through (for depth > 1), or null
 * @param confidence certain (from the catalog's dependency records) or likely (a name found in a function body)
 */
public record DatabaseDependency(String kind, String object, String detail, int depth, String via, String confidence) {}
