package dev.schemaguard.sandbox;

import java.sql.Connection;
import java.sql.SQLException;

/** A PostgreSQL server where sandboxes are made: databases are created and dropped on it. */
public interface SandboxHost extends AutoCloseable {

    /** A connection, with the right to create and drop databases, to {@code database} on this server. */
    Connection connect(String database) throws SQLException;

    /** A connection to {@code database} as another login role (the one a sandbox's migration runs as). */
    Connection connect(String database, String user, String password) throws SQLException;

    /** The maintenance database to issue CREATE/DROP DATABASE from. */
    String maintenanceDatabase();

    /** For reports, e.g. "embedded PostgreSQL" or "scratch databases on db.internal:5432". */
    String description();

    @Override
    void close();
}
