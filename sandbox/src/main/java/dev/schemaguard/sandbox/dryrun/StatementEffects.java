package dev.schemaguard.sandbox.dryrun;

import java.util.List;

/**
 * What PostgreSQL did for one statement on the copy, whatever the statement's text says: DDL it ran (also inside
 * functions and DO blocks), objects it dropped (also by cascade), rows it wrote per table (also through rules, triggers,
 * views and CTEs), the tables EXPLAIN names as written, and the user functions that ran.
 *
 * @param relations every table or view (schema.name, unquoted) the effects name: written, altered, dropped, indexed …
 * @param observed  false where the rows could not be counted (a statement that cannot run in a transaction)
 */
public record StatementEffects(
        List<String> ddl,
        List<String> dropped,
        List<RowsWritten> rows,
        List<String> writeTargets,
        List<String> functions,
        List<String> triggerFunctions,
        List<String> relations,
        boolean observed) {

    /** @param table schema-qualified */
    public record RowsWritten(String table, long inserted, long updated, long deleted) {}

    public boolean isEmpty() {
        return ddl.isEmpty()
                && dropped.isEmpty()
                && rows.isEmpty()
                && writeTargets.isEmpty()
                && functions.isEmpty()
                && triggerFunctions.isEmpty();
    }

    /** One line for a person, e.g. "dropped table public.t2; deleted 3 rows in public.orders". */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        ddl.forEach(d -> parts.add("ran " + d));
        dropped.forEach(d -> parts.add("dropped " + d));
        for (RowsWritten r : rows) {
            List<String> counts = new java.util.ArrayList<>();
            if (r.inserted() > 0) {
                counts.add("inserted " + r.inserted());
            }
            if (r.updated() > 0) {
                counts.add("updated " + r.updated());
            }
            if (r.deleted() > 0) {
                counts.add("deleted " + r.deleted());
            }
            parts.add(String.join(", ", counts) + " row(s) in " + r.table());
        }
        writeTargets.forEach(t -> parts.add("writes " + t));
        functions.forEach(f -> parts.add("called " + f));
        triggerFunctions.forEach(f -> parts.add("fired " + f));
        if (!observed) {
            parts.add("rows not observed (runs outside a transaction)");
        }
        return String.join("; ", parts);
    }
}
