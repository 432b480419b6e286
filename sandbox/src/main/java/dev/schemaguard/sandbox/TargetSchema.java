package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.schema.ddl.CatalogFingerprint;
import dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An environment's schema as read once for the sandbox work on it (catalog reads only): dry run, rollback proof and
 * check share it instead of each exporting the target again. Between calls it is kept, and read again only when the
 * catalog's fingerprint says the schema changed ({@link CatalogFingerprint}): an agent's next dry run on an unchanged
 * environment does not export it again.
 */
public record TargetSchema(String environment, SchemaScript schema, int majorVersion, MigrationUser migrationUser) {

    public TargetSchema(String environment, SchemaScript schema, int majorVersion) {
        this(environment, schema, majorVersion, MigrationUser.NONE);
    }

    private static final PostgresSchemaExporter EXPORTER = new PostgresSchemaExporter();
    private static final int KEPT = 16;
    private static final Map<String, Kept> KEPT_SCHEMAS = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    };

    private record Kept(String fingerprint, TargetSchema schema) {}

    public static TargetSchema read(Environments environments, String environment) {
        try {
            return environments.readCatalog(environment, c -> read(environment, c));
        } catch (SQLException e) {
            throw new ToolException("Cannot read the schema of environment '" + environment + "': " + e.getMessage());
        }
    }

    private static TargetSchema read(String environment, Connection c) throws SQLException {
        String fingerprint = CatalogFingerprint.of(c);
        synchronized (KEPT_SCHEMAS) {
            Kept kept = KEPT_SCHEMAS.get(environment);
            if (kept != null && kept.fingerprint().equals(fingerprint)) {
                return kept.schema();
            }
        }
        TargetSchema schema = new TargetSchema(
                environment, EXPORTER.export(c), c.getMetaData().getDatabaseMajorVersion(), MigrationUser.of(c));
        synchronized (KEPT_SCHEMAS) {
            KEPT_SCHEMAS.put(environment, new Kept(fingerprint, schema));
        }
        return schema;
    }

    /** The schema a sandbox holds now. */
    public static SchemaScript of(Sandbox sandbox) {
        try (Connection c = sandbox.connect()) {
            return EXPORTER.export(c);
        } catch (SQLException e) {
            throw new ToolException("Cannot read the sandbox's schema: " + e.getMessage());
        }
    }

    /** The first line of a message or statement, at most 200 characters, for reports. */
    public static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
