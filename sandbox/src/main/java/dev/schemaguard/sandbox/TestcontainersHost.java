package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Sandboxes in a PostgreSQL container ({@code sandbox.provider: testcontainers}), started on first use and removed on
 * close. Without a Docker engine it refuses with a message saying so, instead of hanging or falling back silently.
 */
final class TestcontainersHost implements SandboxHost {

    private final String image;
    private PostgreSQLContainer container;

    TestcontainersHost(String image) {
        this.image = image;
    }

    @Override
    public synchronized Connection connect(String database) throws SQLException {
        if (container == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new ToolException(
                        "sandbox.provider is testcontainers, but no Docker engine answers (DOCKER_HOST or "
                                + "/var/run/docker.sock). Start Docker, or use sandbox.provider: embedded (no Docker needed).");
            }
            PostgreSQLContainer started =
                    new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
            started.start();
            container = started;
        }
        return DriverManager.getConnection(url(database), container.getUsername(), container.getPassword());
    }

    @Override
    public synchronized Connection connect(String database, String user, String password) throws SQLException {
        if (container == null) {
            connect("postgres").close();
        }
        return DriverManager.getConnection(url(database), user, password);
    }

    private String url(String database) {
        return container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public String description() {
        return "PostgreSQL container " + image;
    }

    @Override
    public synchronized void close() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }
}
