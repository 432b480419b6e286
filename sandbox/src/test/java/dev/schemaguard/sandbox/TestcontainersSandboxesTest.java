package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.SandboxSettings;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sandbox.provider: testcontainers}: with a Docker engine, sandboxes run in a postgres container; without one
 * (as on the CI machines here), the first sandbox is refused with a message that says what to do.
 */
@Tag("database")
class TestcontainersSandboxesTest {

    private static final SchemaScript SCHEMA =
            SchemaScript.ofStatements(List.of("CREATE TABLE t (id bigint PRIMARY KEY)"));

    @Test
    void aContainerSandboxWhenDockerAnswersAClearRefusalWhenNot() throws Exception {
        try (Sandboxes sandboxes = Sandboxes.from(new SandboxSettings(null, "postgres:17"))) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                assertThatThrownBy(() -> sandboxes.create(SCHEMA))
                        .isInstanceOf(ToolException.class)
                        .hasMessageContaining("no Docker engine answers")
                        .hasMessageContaining("sandbox.provider: embedded");
                return;
            }
            try (Sandbox sandbox = sandboxes.create(SCHEMA);
                    Connection c = sandbox.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
                assertThat(sandbox.description()).startsWith("PostgreSQL container postgres:17");
            }
        }
    }

    @Test
    void anUntaggedImageRunsTheTargetsMajorVersion() throws Exception {
        try (Sandboxes sandboxes = Sandboxes.from(new SandboxSettings(null, "postgres"))) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                assertThatThrownBy(() -> sandboxes.create(SCHEMA, null, 16))
                        .hasMessageContaining("no Docker engine answers");
                return;
            }
            try (Sandbox sandbox = sandboxes.create(SCHEMA, null, 16)) {
                assertThat(sandbox.description()).startsWith("PostgreSQL container postgres:16");
            }
        }
    }
}
