package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An environment's schema as read once for the sandbox work on it (catalog reads only): dry run, rollback proof and
 * check share it instead of each exporting the target again.
 */
public record TargetSchema(String environment, SchemaScript schema, int majorVersion) {

    private static final PostgresSchemaExporter EXPORTER = new PostgresSchemaExporter();

    public static TargetSchema read(Environments environments, String environment) {
        try (Connection c = environments.openReadOnly(environment)) {
            return new TargetSchema(environment, EXPORTER.export(c), c.getMetaData().getDatabaseMajorVersion());
        } catch (SQLException e) {
            throw new ToolException("Cannot read the schema of environment '" + environment + "': " + e.getMessage());
        }
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
