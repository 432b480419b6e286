package dev.schemaguard.tools.schema;

/**
 * What identifies one schema object in a listing: enough to filter, order and page without reading its details.
 *
 * @param name        the plain name (for routines without arguments; for triggers the trigger name)
 * @param displayName unique within kind and schema: routines carry their argument types, triggers their table
 */
public record ObjectKey(ObjectKind kind, String schema, String name, String displayName, long oid) {}
