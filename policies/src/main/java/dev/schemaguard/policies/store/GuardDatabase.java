package dev.schemaguard.policies.store;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.GuardSettings;
import dev.schemaguard.tools.env.EnvironmentUrls;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL database several schemaguard replicas share for approvals and the audit log (guard.store). Its
 * tables live in the {@code schemaguard} schema and are created on first use.
 */
public final class GuardDatabase {

    private final GuardSettings.Store settings;
    private final Map<String, String> environmentVariables;
    private volatile boolean schemaReady;

    public GuardDatabase(GuardSettings.Store settings, Map<String, String> environmentVariables) {
        this.settings = settings;
        this.environmentVariables = environmentVariables;
    }

    public String location() {
        return EnvironmentUrls.redacted(settings.url());
    }

    /** A connection with autocommit off; the caller commits and closes. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        settings.password().resolve(environmentVariables).ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "schemaguard-guard");
        props.setProperty("connectTimeout", "10");
        Connection c = DriverManager.getConnection(settings.url(), props);
        c.setAutoCommit(false);
        if (!schemaReady) {
            createSchema(c);
        }
        return c;
    }

    private synchronized void createSchema(Connection c) throws SQLException {
        if (schemaReady) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(21319, 0)");
            s.execute("CREATE SCHEMA IF NOT EXISTS schemaguard");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS schemaguard.approval_request (
                        id text PRIMARY KEY,
                        environment_key text NOT NULL,
                        sql_sha256 text NOT NULL,
                        status text NOT NULL,
                        created timestamptz NOT NULL,
                        document text NOT NULL)""");
            s.execute("""
                    CREATE INDEX IF NOT EXISTS approval_request_migration
                        ON schemaguard.approval_request (environment_key, sql_sha256)""");
            s.execute(
                    "CREATE TABLE IF NOT EXISTS schemaguard.audit_entry (seq bigint PRIMARY KEY, line text NOT NULL, hash text NOT NULL)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS schemaguard.audit_head (
                        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), seq bigint NOT NULL, hash text NOT NULL)""");
        }
        c.commit();
        schemaReady = true;
    }

    public ToolException failure(String what, SQLException e) {
        return new ToolException("Cannot " + what + " in the guard database " + location() + ": " + e.getMessage()
                + ". Nothing was done: every guarded action is recorded first.");
    }
}
