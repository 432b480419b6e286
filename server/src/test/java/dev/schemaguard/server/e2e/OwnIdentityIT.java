package dev.schemaguard.server.e2e;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production deployment of docs/threat-model.md on this machine: the server runs as its own OS user, which alone
 * can read the production password file and write the state directory; an "agent" OS user — what a coding agent's
 * shell runs as — can call the tools over HTTP but cannot read the credentials, approve from the CLI, or touch the
 * approvals and audit log. Needs root to create the two users (CI runs as root; elsewhere it is skipped, saying so).
 */
@Tag("database")
class OwnIdentityIT {

    static final String SERVICE = "sg-service";
    static final String AGENT = "sg-agent";
    static final Pattern LISTENING = Pattern.compile("MCP over Streamable HTTP at (http://127\\.0\\.0\\.1:\\d+)/mcp");

    static Process server;
    static Path dir;
    static Path config;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        boolean root =
                "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser"));
        if (!root && System.getenv("SCHEMAGUARD_CI") != null) {
            throw new IllegalStateException("CI runs as root: the own-identity deployment test must run there");
        }
        Assumptions.assumeTrue(root, "skipped: creating the service and agent OS users needs root (CI runs it)");
        for (String user : List.of(SERVICE, AGENT)) {
            if (run("id", user).exit != 0) {
                assertThat(run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user).exit)
                        .isZero();
            }
        }
        TestDatabase prod = TestPostgres.createDatabase("own_identity");
        prod.execute("CREATE TABLE t (id int);");
        dir = Files.createTempDirectory("schemaguard-own");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path secret = Files.writeString(dir.resolve("prod.password"), "not-a-real-password\n");
        Path state = Files.createDirectory(dir.resolve("state"));
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        for (Path p : List.of(secret, state, tmp)) {
            assertThat(run("chown", SERVICE, p.toString()).exit).isZero();
        }
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r--------"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        config = Files.writeString(dir.resolve("schemaguard.yaml"), """
                environments:
                  prod:
                    url: %s
                    user: postgres
                    password-file: prod.password
                    protection: production
                server:
                  port: 0
                guard:
                  state-dir: %s
                """.formatted(prod.url(), state));
        List<String> command = new ArrayList<>(List.of("runuser", "-u", SERVICE, "--", "env", "TMPDIR=" + tmp));
        command.addAll(ServerProcess.command("serve", "--http", "--config", config.toString()));
        command.add(command.indexOf("-jar"), "-Djava.io.tmpdir=" + tmp);
        server = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String line;
        StringBuilder seen = new StringBuilder();
        while (base == null && System.nanoTime() < deadline && (line = err.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                base = m.group(1);
            }
        }
        assertThat(base).as(seen.toString()).isNotNull();
        Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "drain");
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    record Result(int exit, String out) {}

    static Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** A command as another OS user, with a temporary directory of its own (the jar logs under $TMPDIR). */
    static Result as(String user, List<String> command) throws Exception {
        Path tmp = dir.resolve("tmp-" + user);
        if (!Files.exists(tmp)) {
            Files.createDirectory(tmp);
            assertThat(run("chown", user, tmp.toString()).exit).isZero();
        }
        List<String> full = new ArrayList<>(List.of("runuser", "-u", user, "--", "env", "TMPDIR=" + tmp));
        full.addAll(command);
        return run(full.toArray(String[]::new));
    }

    @Test
    void theAgentsUserCanCallTheToolsButNotReadTheCredentialsNorApproveNorTouchTheState() throws Exception {
        String id;
        try (McpSyncClient agent = McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(90))
                .build()) {
            agent.initialize();
            McpSchema.CallToolResult r = agent.callTool(new McpSchema.CallToolRequest(
                    "apply_migration", Map.of("environment", "prod", "sql", "ALTER TABLE t ADD COLUMN a int;")));
            assertThat(r.isError()).as(r.content().toString()).isFalse();
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) r.structuredContent();
            assertThat(result.get("status")).as((String) result.get("message")).isEqualTo("pending-approval");
            @SuppressWarnings("unchecked")
            String requestId = (String) ((Map<String, Object>) result.get("approval")).get("id");
            id = requestId;
        }
        Result read = as(AGENT, List.of("cat", dir.resolve("prod.password").toString()));
        assertThat(read.exit).isNotZero();
        assertThat(read.out).contains("Permission denied");
        Result approve = as(AGENT, ServerProcess.command("approvals", "approve", id, "--config", config.toString()));
        assertThat(approve.exit).as(approve.out).isNotZero();
        assertThat(approve.out).contains("permission denied");
        Result list = as(AGENT, List.of("ls", dir.resolve("state").toString()));
        assertThat(list.exit).isNotZero();
        Result verify = as(SERVICE, ServerProcess.command("audit", "verify", "--config", config.toString()));
        assertThat(verify.out).as("the service's own user reads its audit log").contains("intact");
    }
}
