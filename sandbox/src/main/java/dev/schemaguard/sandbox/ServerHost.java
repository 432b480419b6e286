package dev.schemaguard.sandbox;

import dev.schemaguard.tools.config.SandboxSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scratch databases on a PostgreSQL server the team runs (configured under {@code sandbox.server}): each sandbox is
 * a database created there and dropped after the run; nothing else on the server is touched. Its user needs CREATEDB.
 */
final class ServerHost implements SandboxHost {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

    private final Matcher url;
    private final String user;
    private final String password;

    ServerHost(SandboxSettings.Server settings, Map<String, String> environmentVariables) {
        this.url = URL.matcher(settings.url());
        if (!url.matches()) {
            throw new IllegalArgumentException(
                    "sandbox.server.url must look like jdbc:postgresql://host:port/database");
        }
        this.user = settings.user();
        this.password = settings.password().resolve(environmentVariables).orElse(null);
    }

    @Override
    public Connection connect(String database) throws SQLException {
        String jdbc = url.group(1) + database + (url.group(3) == null ? "" : url.group(3));
        return DriverManager.getConnection(jdbc, user, password);
    }

    @Override
    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(
                url.group(1) + database + (url.group(3) == null ? "" : url.group(3)), user, password);
    }

    @Override
    public String maintenanceDatabase() {
        return url.group(2).isEmpty() ? "postgres" : url.group(2);
    }

    @Override
    public String description() {
        return "scratch databases on "
                + url.group(1)
                        .substring("jdbc:postgresql://".length(), url.group(1).length() - 1);
    }

    @Override
    public void close() {
        // the server is not ours: each sandbox dropped its own database
    }
}
