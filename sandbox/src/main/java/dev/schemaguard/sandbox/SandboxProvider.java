package dev.schemaguard.sandbox;

import dev.schemaguard.tools.config.SampleMasking;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

/** Makes sandboxes; implementations keep a warm server and reuse what they built for the same schema. */
public interface SandboxProvider extends AutoCloseable {

    Sandbox create(SchemaScript schema);

    /** With rows from the target, copied into the template once (see {@link DataSample}). */
    Sandbox create(SchemaScript schema, DataSample sample);

    /**
     * For a target running PostgreSQL {@code targetMajor}: where the provider can choose (the embedded default), the
     * sandbox runs that major version, or the nearest it has.
     */
    /** A copy of the target's schema whose migrations run as the target's migration role does (see {@link MigrationUser}). */
    default Sandbox create(TargetSchema target, DataSample sample) {
        return create(target.schema(), sample, target.majorVersion());
    }

    default Sandbox create(SchemaScript schema, DataSample sample, int targetMajor) {
        return create(schema, sample);
    }

    /** How data samples for these sandboxes are masked ({@code sandbox.masking}). */
    default SampleMasking masking() {
        return SampleMasking.BUILT_IN;
    }

    @Override
    void close();
}
