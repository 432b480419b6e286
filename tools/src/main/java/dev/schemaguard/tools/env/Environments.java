package dev.schemaguard.tools.env;

import dev.schemaguard.tools.config.EnvironmentConfig;

import java.sql.Connection;
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
