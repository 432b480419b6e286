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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Is production what our migrations say it is?" asked by an agent through a real MCP client of the packaged server:
 * the migration-history resource of an environment with its migrations configured, and compare_schemas between the
 * migration directory (replayed on a sandbox) and the environment.
 */
@Tag("database")
class MigrationHistoryIT {

    static McpSyncClient client;
    static Path tree;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase db = TestPostgres.createDatabase("history_it");
        Path dir = Files.createTempDirectory("schemaguard-history");
        tree = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(tree.resolve("1_create_item.up.sql"), "CREATE TABLE item (id int PRIMARY KEY);");
        Files.writeString(tree.resolve("2_add_label.up.sql"), "ALTER TABLE item ADD COLUMN label text;");
        // golang-migrate's table; version 2 reached, but label was dropped by hand afterwards
        db.execute(
                "CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version bigint not null primary key, dirty boolean not null);"
                        + "CREATE TABLE item (id int PRIMARY KEY); INSERT INTO \"schema_migrations\" (version, dirty) VALUES (2, false);");
        Path config = Files.writeString(dir.resolve("schemaguard.yaml"), """
                environments:
                  prod:
                    url: %s
                    user: postgres
                    protection: production
                    migrations: db/migrations
                guard:
                  state-dir: %s
                """.formatted(db.url(), dir.resolve("state")));
        List<String> command = ServerProcess.command("serve", "--config", config.toString());
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .build();
        client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(90))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void theHistoryResourceSaysBothAreAppliedAndTheLiveSchemaLacksWhatTheyMade() {
        assertThat(client.listResources().resources())
                .extracting(McpSchema.Resource::uri)
                .contains("schemaguard://prod/migration-history");
        assertThat(client.listResourceTemplates().resourceTemplates())
                .extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("schemaguard://{environment}/migration-history");
        McpSchema.ReadResourceResult read =
                client.readResource(new McpSchema.ReadResourceRequest("schemaguard://prod/migration-history"));
        JsonNode report = JsonMapper.builder()
                .build()
                .readTree(((McpSchema.TextResourceContents) read.contents().get(0)).text());
        assertThat(report.get("tool").asString()).isEqualTo("golang-migrate");
        assertThat(report.get("counts").get("applied").asInt()).isEqualTo(2);
        assertThat(report.get("replay").get("status").asString()).isEqualTo("differs");
        assertThat(report.get("replay").get("differences").toString())
                .contains("public.item")
                .contains("label text");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareSchemasTakesTheMigrationDirectoryAsASide() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
                "compare_schemas", Map.of("first", tree.toString(), "second", "prod", "kinds", List.of("table"))));
        assertThat(result.isError()).as(result.content().toString()).isFalse();
        Map<String, Object> comparison = (Map<String, Object>) result.structuredContent();
        assertThat(comparison.get("differences").toString())
                .contains("public.item")
                .contains("label text")
                .contains("public.schema_migrations");
        assertThat(((Map<String, Object>) comparison.get("convergence")).get("verdict"))
                .isEqualTo("proven");
        assertThat(comparison.get("totalDifferences")).isEqualTo(((List<?>) comparison.get("differences")).size());
        assertThat(comparison.get("nextCursor")).as("it fits in one page").isNull();

        McpSchema.CallToolResult small = client.callTool(new McpSchema.CallToolRequest(
                "compare_schemas", Map.of("first", tree.toString(), "second", "prod", "budget_tokens", 1000)));
        Map<String, Object> page = (Map<String, Object>) small.structuredContent();
        int shown = ((List<?>) page.get("differences")).size()
                + ((List<?>) ((Map<String, Object>) page.get("convergence")).get("statements")).size();
        if (page.get("nextCursor") != null) {
            McpSchema.CallToolResult next = client.callTool(new McpSchema.CallToolRequest(
                    "compare_schemas",
                    Map.of(
                            "first",
                            tree.toString(),
                            "second",
                            "prod",
                            "budget_tokens",
                            1000,
                            "cursor",
                            page.get("nextCursor"))));
            assertThat(next.isError()).as(next.content().toString()).isFalse();
            shown += ((List<?>) ((Map<String, Object>) next.structuredContent()).get("differences")).size();
        }
        assertThat(shown).isPositive();
    }
}
