package dev.schemaguard.tools.lint;

import java.util.Optional;

/** The live schema a schema-aware lint reads: tables with sizes and column types, and whether an object exists. */
public interface SchemaFacts {

    /** @param name as written in the migration: {@code schema.table} or {@code table} (then the search path's first schema) */
    Optional<TableFacts> table(String name);

    /** Whether an index, view, sequence, type or other relation of that name exists (tables included). */
    boolean relationExists(String name);

    /** The environment these facts came from, for messages. */
    String environment();

    /** Server major version, e.g. 16. */
    int serverMajorVersion();
}
