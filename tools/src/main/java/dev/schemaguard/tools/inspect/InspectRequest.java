package dev.schemaguard.tools.inspect;

import dev.schemaguard.tools.schema.ObjectKind;

import java.util.Set;

/**
 * What an agent asked {@code inspect_schema} for. Every field but {@code environment} is optional (null = default).
 *
 * @param environment  named environment from the configuration
 * @param table        {@code schema.name} of one table (or view) to show in full detail, with what references it
 * @param schema       only objects in this schema
 * @param namePattern  only objects whose name matches this glob ({@code *} any run, {@code ?} one character)
 * @param kinds        only these object kinds (empty or null = all)
 * @param detail       summary (names, sizes, counts) or full (columns, constraints, indexes ...); null = full when it fits
 * @param cursor       opaque cursor from a previous page
 * @param budgetTokens upper bound on the answer size in tokens (~4 characters each); null = configured default
 */
public record InspectRequest(
        String environment,
        String table,
        String schema,
        String namePattern,
        Set<ObjectKind> kinds,
        Detail detail,
        String cursor,
        Integer budgetTokens) {

    public enum Detail {
        SUMMARY,
        FULL
    }

    public static InspectRequest of(String environment) {
        return new InspectRequest(environment, null, null, null, null, null, null, null);
    }
}
