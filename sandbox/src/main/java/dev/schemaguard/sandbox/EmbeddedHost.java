package dev.schemaguard.sandbox;

import java.sql.Connection;
import java.sql.SQLException;

/** The default host: an embedded PostgreSQL started on first use and stopped (its files removed) on close. */
final class EmbeddedHost implements SandboxHost {

    private EmbeddedPostgresServer server;

    @Override
    public synchronized Connection connect(String database) throws SQLException {
        if (server == null) {
            server = EmbeddedPostgresServer.start();
        }
        return server.connect(database);
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL";
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
