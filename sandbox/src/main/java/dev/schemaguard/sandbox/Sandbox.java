package dev.schemaguard.sandbox;

import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A disposable database holding a copy of a target's schema. Closing it drops it. */
public interface Sandbox extends AutoCloseable {

    /** A new connection with the rights to read and prepare anything in the sandbox database; the caller closes it. */
    Connection connect() throws SQLException;

    /**
     * A new connection for running a migration: as the target's migration role, never a superuser, never a member of
     * PostgreSQL's predefined roles that reach the server's files, programs or other sessions; the caller closes it.
     */
    Connection connectForMigration() throws SQLException;

    /** Where it runs, for reports, e.g. "embedded PostgreSQL 17.6". */
    String description();

    /** The schema the copy held when it was made: read once per template, shared by its copies. */
    SchemaScript initialSchema();

    /**
     * Where the copy differs from the schema it was made from — statements refused, objects that cannot be copied,
     * objects that came out otherwise — said in words. Empty: a faithful copy, whose proofs can be trusted.
     */
    List<String> cloneDifferences();

    @Override
    void close();
}
