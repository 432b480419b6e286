package dev.schemaguard.sandbox;

import dev.schemaguard.tools.config.SampleMasking;
import dev.schemaguard.tools.config.SandboxSettings;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Sandboxes for any target: with the embedded default, one embedded PostgreSQL per major version, started on first use
 * with the binaries of the target's major (or the nearest bundled one, said in the sandbox's description); with
 * containers of an untagged image, {@code image:<target major>}; with a configured server or a tagged image, that one
 * host whatever the target runs. Each host's sandboxes are template copies
 * kept warm for the process ({@link HostPool}).
 */
public final class Sandboxes implements SandboxProvider {

    /** Target major → host, where the host follows the target's version; null when one host serves every target. */
    private final IntFunction<SandboxHost> hostPerMajor;
    /** Target major → which host serves it (13 and 14 share the embedded 14 when 13 is not bundled). */
    private final IntUnaryOperator hostKey;

    private final SandboxHost singleHost;
    private final Map<Integer, HostPool> pools = new LinkedHashMap<>();
    private SampleMasking masking = SampleMasking.BUILT_IN;

    /** Sandboxes on one host (a configured server, a container, or a given embedded server). */
    public Sandboxes(SandboxHost host) {
        this.hostPerMajor = null;
        this.hostKey = major -> 0;
        this.singleHost = host;
    }

    private Sandboxes(IntFunction<SandboxHost> hostPerMajor, IntUnaryOperator hostKey) {
        this.hostPerMajor = hostPerMajor;
        this.hostKey = hostKey;
        this.singleHost = null;
    }

    /** The default: embedded PostgreSQL of the target's major version, no database or Docker needed. */
    public static Sandboxes embedded() {
        return new Sandboxes(
                major -> new EmbeddedHost(PostgresBinaries.forTarget(major)),
                major -> PostgresBinaries.forTarget(major).majorOrDefault());
    }

    /**
     * How an embedded PostgreSQL would be confined on this host (see {@link HostConfinement}), tried now.
     *
     * @param require refuse to go on unconfined, unless {@code SCHEMAGUARD_POSTGRES_CONFINEMENT} says otherwise
     * @throws IllegalStateException when confinement is required and this host cannot give it
     */
    public static String embeddedConfinement(boolean require) {
        if (require
                && System.getProperty(HostConfinement.PROPERTY) == null
                && System.getenv(HostConfinement.SETTING) == null) {
            System.setProperty(HostConfinement.PROPERTY, "required");
        }
        return HostConfinement.forThisHost().description();
    }

    /** As configured under {@code sandbox} in schemaguard.yaml. */
    public static Sandboxes from(SandboxSettings settings) {
        Sandboxes sandboxes;
        String image = settings.containerImage();
        if (settings.server() != null) {
            sandboxes = new Sandboxes(new ServerHost(settings.server(), System.getenv()));
        } else if (image == null) {
            sandboxes = embedded();
        } else if (image.substring(image.lastIndexOf('/') + 1).contains(":") || image.contains("@")) {
            sandboxes = new Sandboxes(new TestcontainersHost(image));
        } else {
            sandboxes = new Sandboxes(major -> new TestcontainersHost(image + ":" + major), major -> major);
        }
        sandboxes.masking = settings.masking();
        return sandboxes;
    }

    @Override
    public SampleMasking masking() {
        return masking;
    }

    @Override
    public Sandbox create(SchemaScript schema) {
        return create(schema, null, PostgresBinaries.DEFAULT_MAJOR);
    }

    @Override
    public Sandbox create(SchemaScript schema, DataSample sample) {
        return create(schema, sample, PostgresBinaries.DEFAULT_MAJOR);
    }

    @Override
    public Sandbox create(TargetSchema target, DataSample sample) {
        return pool(target.majorVersion()).create(target.schema(), sample, target.migrationUser());
    }

    @Override
    public Sandbox create(SchemaScript schema, DataSample sample, int targetMajor) {
        return pool(targetMajor).create(schema, sample);
    }

    private HostPool pool(int targetMajor) {
        HostPool pool;
        synchronized (this) {
            int key = hostKey.applyAsInt(targetMajor);
            pool = pools.computeIfAbsent(
                    key, k -> new HostPool(hostPerMajor == null ? singleHost : hostPerMajor.apply(targetMajor)));
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(HostPool::close);
        pools.clear();
        if (singleHost != null) {
            singleHost.close();
        }
    }
}
