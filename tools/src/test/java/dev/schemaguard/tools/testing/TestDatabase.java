package dev.schemaguard.tools.testing;

import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.env.JdbcEnvironments;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A database of the shared test server, with the {@link Environments} that reach it as {@code name}. */
public record TestDatabase(String name, String url) {

    public Connection connect() throws SQLException {
        return TestPostgres.connect(name);
    }

    /** Runs SQL (any number of statements) as the superuser. */
    public void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public EnvironmentConfig environment(String environmentName, Protection protection) {
        return new EnvironmentConfig(environmentName, url, "postgres", new PasswordSource.None(), protection);
    }

    /** The real JDBC environments (read-only connections and all), with this database as {@code environmentName}. */
    public Environments environments(String environmentName) {
        return new JdbcEnvironments(List.of(environment(environmentName, Protection.DEVELOPMENT)));
    }
}
