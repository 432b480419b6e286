package dev.schemaguard.sandbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The default host: an embedded PostgreSQL of the chosen binaries, started on first use and stopped (its files removed)
 * on close.
 */
final class EmbeddedHost implements SandboxHost {

    private final PostgresBinaries.Choice binaries;
    private EmbeddedPostgresServer server;

    EmbeddedHost(PostgresBinaries.Choice binaries) {
        this.binaries = binaries;
    }

    @Override
    public synchronized Connection connect(String database) throws SQLException {
        return server().connect(database);
    }

    @Override
    public Connection connect(String database, String user, String password) throws SQLException {
        return java.sql.DriverManager.getConnection(server().jdbcUrl(database), user, password);
    }

    private synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.startForSandboxes(binaries);
        }
        return server;
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public String description() {
        return binaries.note() == null ? "embedded PostgreSQL" : "embedded PostgreSQL (" + binaries.note() + ")";
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
