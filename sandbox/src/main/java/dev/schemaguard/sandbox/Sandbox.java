package dev.schemaguard.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A disposable database holding a copy of a target's schema. Closing it drops it. */
public interface Sandbox extends AutoCloseable {

    /** A new superuser connection to the sandbox database; the caller closes it. */
    Connection connect() throws SQLException;

    /** Where it runs, for reports, e.g. "embedded PostgreSQL 17.6". */
    String description();

    /** Statements of the schema script the sandbox refused while it was built (empty: a faithful copy). */
    List<String> buildErrors();

    @Override
    void close();
}
