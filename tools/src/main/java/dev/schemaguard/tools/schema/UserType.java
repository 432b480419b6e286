package dev.schemaguard.tools.schema;

import java.util.List;

/**
 * An enum or domain type.
 *
 * @param kind   enum or domain
 * @param labels the enum's values in their sort order
 * @param checks the domain's CHECK constraints
 */
public record UserType(
        String kind,
        String schema,
        String name,
        List<String> labels,
        String baseType,
        Boolean notNull,
        String defaultValue,
        List<String> checks,
        String comment) {}
