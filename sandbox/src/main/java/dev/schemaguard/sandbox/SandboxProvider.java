package dev.schemaguard.sandbox;

import dev.schemaguard.tools.schema.ddl.SchemaScript;

/** Makes sandboxes; implementations keep a warm server and reuse what they built for the same schema. */
public interface SandboxProvider extends AutoCloseable {

    Sandbox create(SchemaScript schema);

    /** With rows from the target, copied into the template once (see {@link DataSample}). */
    Sandbox create(SchemaScript schema, DataSample sample);

    @Override
    void close();
}
