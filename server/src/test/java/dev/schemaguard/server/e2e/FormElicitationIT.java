package dev.schemaguard.server.e2e;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form-mode elicitation: on a staging environment, whose starter policy lets the person at the client answer in the
 * client's own UI, the approval is asked and given there — the agent never writes it. The packaged jar serves a real
 * configuration over stdio to the MCP Java SDK client, which answers the elicitation as its user would.
 */
@Tag("database")
class FormElicitationIT {

    static TestDatabase db;
    static McpSyncClient client;
    static final AtomicReference<McpSchema.ElicitResult> ANSWER = new AtomicReference<>();
    static final List<McpSchema.ElicitFormRequest> ASKED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.createDatabase("elicit");
        db.execute("CREATE TABLE keep_me (id int); CREATE TABLE drop_me (id int); CREATE TABLE also_drop (id int);");
        Path dir = Files.createTempDirectory("schemaguard-elicit");
        Path config = Files.writeString(dir.resolve("schemaguard.yaml"), """
                environments:
                  stage:
                    url: %s
                    user: postgres
                    protection: staging
                guard:
                  state-dir: %s
                """.formatted(db.url(), dir.resolve("state")));
        List<String> command = ServerProcess.command("serve", "--config", config.toString());
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .build();
        client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60))
                .capabilities(
                        McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    ASKED.add(request);
                    return ANSWER.get();
                })
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    static boolean exists(String table) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(String sql) {
        McpSchema.CallToolResult r = client.callTool(
                new McpSchema.CallToolRequest("apply_migration", Map.of("environment", "stage", "sql", sql)));
        assertThat(r.isError()).as(r.content().toString()).isFalse();
        return (Map<String, Object>) r.structuredContent();
    }

    @Test
    void thePersonAtTheClientApprovesInTheClientAndTheMigrationApplies() throws Exception {
        ANSWER.set(McpSchema.ElicitResult.builder(McpSchema.ElicitResult.Action.ACCEPT)
                .content(Map.of("decision", "approve", "comment", "fine on staging"))
                .build());
        Map<String, Object> result = apply("DROP TABLE drop_me;");
        assertThat(result.get("status")).as((String) result.get("message")).isEqualTo("applied");
        assertThat(exists("drop_me")).isFalse();
        assertThat(ASKED)
                .anySatisfy(q ->
                        assertThat(q.message()).contains("DROP TABLE drop_me;").contains("'stage'"));
    }

    @Test
    void aRejectionInTheClientLeavesTheDatabaseAlone() throws Exception {
        ANSWER.set(McpSchema.ElicitResult.builder(McpSchema.ElicitResult.Action.ACCEPT)
                .content(Map.of("decision", "reject"))
                .build());
        assertThat(apply("DROP TABLE keep_me;").get("status")).isEqualTo("rejected");
        assertThat(exists("keep_me")).isTrue();
    }

    @Test
    void declinedOrCancelledLeavesTheRequestPendingForAnotherChannel() throws Exception {
        ANSWER.set(McpSchema.ElicitResult.builder(McpSchema.ElicitResult.Action.DECLINE)
                .build());
        Map<String, Object> result = apply("DROP TABLE also_drop;");
        assertThat(result.get("status")).isEqualTo("pending-approval");
        assertThat((String) result.get("message")).contains("schemaguard approvals approve");
        assertThat(exists("also_drop")).isTrue();
    }
}
