package dev.schemaguard.tools.env;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.SchemaguardConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@link Environments} over plain JDBC connections, one per call: the tools are short, and no pool hides a dead server.
 * A long-running server keeps the connections of catalog reads ({@link #keepingCatalogConnections}), checked each time.
 */
public final class JdbcEnvironments implements Environments, AutoCloseable {

    /** How long a server keeps a catalog read's connection unused before closing it. */
    public static final Duration CATALOG_CONNECTION_IDLE = Duration.ofSeconds(60);

    private final Map<String, EnvironmentConfig> byName = new LinkedHashMap<>();
    private final Map<String, String> environmentVariables;
    private final Duration statementTimeout;
    private KeptConnections kept;

    public JdbcEnvironments(Collection<EnvironmentConfig> environments) {
        this(environments, System.getenv(), SchemaguardConfig.DEFAULT_STATEMENT_TIMEOUT);
    }

    public JdbcEnvironments(SchemaguardConfig config) {
        this(config.environments().values(), System.getenv(), config.statementTimeout());
    }

    public JdbcEnvironments(
            Collection<EnvironmentConfig> environments,
            Map<String, String> environmentVariables,
            Duration statementTimeout) {
        environments.forEach(e -> byName.put(e.name(), e));
        this.environmentVariables = Map.copyOf(environmentVariables);
        this.statementTimeout = statementTimeout;
    }

    @Override
    public List<EnvironmentConfig> list() {
        return List.copyOf(byName.values());
    }

    @Override
    public EnvironmentConfig get(String name) {
        if (name == null || name.isBlank()) {
            throw new dev.schemaguard.tools.InputException(
                    "No environment given. Known environments: " + known() + ".");
        }
        EnvironmentConfig env = byName.get(name);
        if (env == null) {
            // bad input, as a misspelt option is: the CLI exits 2 (README: bad usage, input or configuration)
            throw new dev.schemaguard.tools.InputException("Unknown environment '" + name + "'. Known environments: "
                    + known() + ". Call list_environments to see them with their protection levels.");
        }
        return env;
    }

    private String known() {
        return byName.isEmpty()
                ? "none (add them to schemaguard.yaml)"
                : String.join(", ", new ArrayList<>(byName.keySet()));
    }

    /**
     * From now on, a catalog read's connection is kept for the next read of its environment (see
     * {@link KeptConnections}) and closed after {@code idle} unused: for a server, which answers many tool calls.
     */
    public JdbcEnvironments keepingCatalogConnections(Duration idle) {
        if (kept == null) {
            kept = new KeptConnections(idle);
        }
        return this;
    }

    @Override
    public Connection openReadOnly(String name) {
        return open(name, true);
    }

    @Override
    public <T> T readCatalog(String name, CatalogRead<T> read) throws SQLException {
        if (kept == null) {
            return Environments.super.readCatalog(name, read);
        }
        Connection connection = kept.take(name);
        if (connection == null) {
            connection = openReadOnly(name);
        }
        boolean reusable = false;
        try {
            T result = read.read(connection);
            connection.rollback();
            reusable = true;
            return result;
        } finally {
            if (reusable) {
                kept.giveBack(name, connection);
            } else {
                closeQuietly(connection);
            }
        }
    }

    /** How many catalog-read connections to {@code name} are kept unused now. */
    int keptConnections(String name) {
        return kept == null ? 0 : kept.idleCount(name);
    }

    @Override
    public void close() {
        if (kept != null) {
            kept.close();
        }
    }

    @Override
    public Connection openForChange(String name) {
        return open(name, false);
    }

    @Override
    public Connection openAsReader(String name) {
        EnvironmentConfig env = get(name);
        if (env.reader() == null) {
            throw new ToolException("Environment '" + name + "' has no reader configured.");
        }
        return open(env, env.reader().user(), env.reader().password(), true);
    }

    private Connection open(String name, boolean readOnly) {
        EnvironmentConfig env = get(name);
        return open(env, env.user(), env.password(), readOnly);
    }

    private Connection open(EnvironmentConfig env, String user, PasswordSource password, boolean readOnly) {
        String name = env.name();
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        password.resolve(environmentVariables).ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "schemaguard");
        props.setProperty("preferQueryMode", "extended"); // one statement per Parse message: PostgreSQL refuses more
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "10");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(env.url(), props);
            if (readOnly) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET statement_timeout = " + statementTimeout.toMillis());
                    s.execute("SET default_transaction_read_only = on");
                }
            }
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                // invalid password or authorization: the configuration's credentials, like any configuration problem
                throw new InputException("Cannot connect to environment '" + name + "' ("
                        + EnvironmentUrls.redacted(env.url())
                        + (user == null ? "" : " as " + user) + "): " + e.getMessage()
                        + ". The configured user or password is "
                        + "wrong for it: check environments." + name + " in schemaguard.yaml and the secret it names.");
            }
            throw new ToolException("Cannot connect to environment '" + name + "' ("
                    + EnvironmentUrls.redacted(env.url()) + (user == null ? "" : " as " + user) + "): " + e.getMessage()
                    + ". Check that the database is up and the configured user and password are right.");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being abandoned because of an earlier error, which is the one reported
            }
        }
    }
}
