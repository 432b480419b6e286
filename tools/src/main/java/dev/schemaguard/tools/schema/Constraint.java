package dev.schemaguard.tools.schema;

import java.util.List;

/**
 * A table constraint.
 *
 * @param type       primary_key, unique, check, foreign_key or exclusion
 * @param validated  false for a constraint added NOT VALID and not validated since
 * @param references for a foreign key: the referenced table, its columns and the actions; else null
 */
public record Constraint(
        String name,
        String type,
        List<String> columns,
        String definition,
        boolean validated,
        boolean deferrable,
        ForeignKeyTarget references) {

    /** @param onDelete / onUpdate: no action, restrict, cascade, set null, set default */
    public record ForeignKeyTarget(String table, List<String> columns, String onDelete, String onUpdate) {}
}
