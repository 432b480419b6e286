package dev.schemaguard.tools.env;

import dev.schemaguard.tools.config.EnvironmentConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The named environments a tool may reach, and connections to them. */
public interface Environments {

    List<EnvironmentConfig> list();

    /** The environment called {@code name}; a {@link dev.schemaguard.tools.ToolException} naming the known ones otherwise. */
    EnvironmentConfig get(String name);

    /**
     * A new connection to the environment, set up for catalog reads: READ ONLY, autocommit off, a statement timeout.
     * The caller closes it.
     */
    Connection openReadOnly(String name);

    /** What a catalog read does with its connection. */
    @FunctionalInterface
    interface CatalogRead<T> {
        T read(Connection connection) throws SQLException;
    }

    /**
     * {@code read} on a connection as {@link #openReadOnly} gives, rolled back afterwards. A long-running server may
     * keep that connection for the next read of the same environment, so {@code read} changes nothing on it that
     * outlives its transaction (SET LOCAL, never SET).
     */
    default <T> T readCatalog(String name, CatalogRead<T> read) throws SQLException {
        try (Connection c = openReadOnly(name)) {
            return read.read(c);
        }
    }

    /**
     * A new connection that may change the environment, for the guarded apply only: autocommit off, no limits set
     * (the apply sets the policy's lock and statement timeouts). The caller closes it.
     */
    Connection openForChange(String name);

    /**
     * A new READ ONLY connection as the environment's configured reader (see {@link EnvironmentConfig#reader()}), for
     * run_query; a {@link dev.schemaguard.tools.ToolException} when none is configured. The caller closes it.
     */
    Connection openAsReader(String name);
}
