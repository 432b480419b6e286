package dev.schemaguard.tools.lint.run;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.SchemaFacts;
import dev.schemaguard.tools.lint.TableFacts;
import dev.schemaguard.tools.schema.Column;
import dev.schemaguard.tools.schema.ObjectKey;
import dev.schemaguard.tools.schema.Table;
import dev.schemaguard.tools.schema.postgres.PostgresCatalogReader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An environment's live schema for a schema-aware lint: each table the migration names is looked up once (an index
 * lookup, then its columns and sizes), over one read-only connection held for the lint. Thread-safe: files are
 * linted in parallel.
 */
public final class LiveSchema implements SchemaFacts, AutoCloseable {

    private final String environment;
    private final Connection connection;
    private final PostgresCatalogReader catalog = new PostgresCatalogReader();
    private final int majorVersion;
    private final Map<String, Optional<TableFacts>> tables = new HashMap<>();

    private LiveSchema(String environment, Connection connection) throws SQLException {
        this.environment = environment;
        this.connection = connection;
        this.majorVersion = catalog.databaseInfo(connection).majorVersion();
    }

    public static LiveSchema open(Environments environments, String name) {
        Connection connection = environments.openReadOnly(name);
        try {
            return new LiveSchema(name, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ToolException("Cannot read the schema of environment '" + name + "': " + e.getMessage());
        }
    }

    @Override
    public synchronized Optional<TableFacts> table(String name) {
        String key = MigrationState.normalize(name);
        return tables.computeIfAbsent(key, this::load);
    }

    private Optional<TableFacts> load(String qualified) {
        int dot = qualified.indexOf('.');
        try {
            List<ObjectKey> found =
                    catalog.findRelations(connection, qualified.substring(0, dot), qualified.substring(dot + 1));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Table table = catalog.tables(connection, List.of(found.get(0).oid()), true)
                    .get(found.get(0).oid());
            Map<String, String> columns = new LinkedHashMap<>();
            for (Column column : table.columns()) {
                columns.put(column.name(), column.type().toLowerCase(Locale.ROOT));
            }
            List<String> primaryKey = table.constraints().stream()
                    .filter(k -> "primary_key".equals(k.type()))
                    .findFirst()
                    .map(k -> k.columns())
                    .orElse(List.of());
            java.util.Set<String> notNull = new java.util.HashSet<>();
            table.columns().stream().filter(column -> !column.nullable()).forEach(column -> notNull.add(column.name()));
            List<String> triggers = table.triggers().stream()
                    .filter(t -> "row".equalsIgnoreCase(t.level()))
                    .map(t -> t.name() + " → " + t.function())
                    .toList();
            return Optional.of(new TableFacts(
                    table.qualifiedName(),
                    table.rowEstimate() == null ? -1 : table.rowEstimate(),
                    table.totalBytes() == null ? -1 : table.totalBytes(),
                    columns,
                    primaryKey,
                    Set.copyOf(notNull),
                    triggers));
        } catch (SQLException e) {
            throw new ToolException(
                    "Reading table " + qualified + " of environment '" + environment + "' failed: " + e.getMessage());
        }
    }

    @Override
    public boolean relationExists(String name) {
        return table(name).isPresent();
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public int serverMajorVersion() {
        return majorVersion;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only connection: nothing was written, nothing to recover
        }
    }
}
