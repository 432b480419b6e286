package dev.schemaguard.server.e2e;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `schemaguard demo --http --port 0`: Streamable HTTP on loopback, driven by the SDK's HTTP client. */
class HttpServerIT {

    private static Process server;
    private static Path log;
    private static String baseUrl;
    /** The one directory this server lets clients name files in: a migration, and a link that points out of it. */
    private static Path fileRoot;

    @BeforeAll
    static void startTheDemoOverHttp() throws Exception {
        fileRoot = Files.createTempDirectory("schemaguard-file-root");
        Files.writeString(fileRoot.resolve("V1__index.sql"), "CREATE INDEX orders_note ON shop.orders (note);\n");
        Path outside = Files.createTempDirectory("schemaguard-outside");
        Files.writeString(outside.resolve("V1__secret.sql"), "SELECT 'the server user''s secret';\n");
        Files.createSymbolicLink(fileRoot.resolve("escape"), outside);
        Path config = Files.createTempFile("schemaguard-http", ".yaml");
        Files.writeString(config, """
                server:
                  allowed-hosts: [mcp.example.test]
                  allowed-origins: ["https://console.example.test"]
                  max-request-bytes: 65536
                  file-roots: ["%s"]
                """.formatted(fileRoot));
        log = Files.createTempFile("schemaguard-http", ".log");
        ServerProcess.Http http = ServerProcess.startHttp(
                Map.of("SCHEMAGUARD_LOG", log.toString()),
                "demo",
                "--http",
                "--port",
                "0",
                "--config",
                config.toString());
        server = http.process();
        baseUrl = http.baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            Matcher started = Pattern.compile("started on port \\d+ in \\d+ ms \\([^)]*data directory (\\S+)\\)")
                    .matcher(Files.readString(log));
            assertThat(started.find())
                    .as("the log names the demo's data directory")
                    .isTrue();
            Path dataDirectory = Path.of(started.group(1));
            assertThat(dataDirectory).exists();
            server.destroy(); // SIGTERM: the demo's data directory goes with it
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(dataDirectory).as("data directory after SIGTERM").doesNotExist();
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(baseUrl).startsWith("http://127.0.0.1:");
    }

    private static HttpResponse<String> post(String host, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        // The JDK client refuses to set Host itself; a raw socket sends exactly what a rebinding page would.
        if (host == null) {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return RawHttp.post(
                URI.create(baseUrl + "/mcp"), host, origin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    }

    @Test
    void aRequestForAnotherHostIsRejectedAsDnsRebinding() throws Exception {
        HttpResponse<String> response = post("evil.example:80", null);
        assertThat(response.statusCode()).isEqualTo(421);
        assertThat(response.body()).contains("server.allowed-hosts");
    }

    @Test
    void aForeignOriginIsRejected() throws Exception {
        HttpResponse<String> response = post(null, "http://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("server.allowed-origins");
    }

    @Test
    void hostsAndOriginsListedInTheConfigurationAreAccepted() throws Exception {
        assertThat(post("mcp.example.test", null).statusCode()).isNotIn(403, 421);
        assertThat(post(null, "https://console.example.test").statusCode()).isNotIn(403, 421);
    }

    /** Status, session id and the first JSON message of the answer, whether it came as plain JSON or as an SSE event. */
    private record Answer(int status, String session, String body) {}

    private static Answer send(String body, String sessionId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String session = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            boolean sse =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            if (!sse) {
                return new Answer(
                        response.statusCode(),
                        session,
                        reader.lines().collect(java.util.stream.Collectors.joining("\n")));
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    return new Answer(response.statusCode(), session, line.substring(5));
                }
            }
            return new Answer(response.statusCode(), session, "");
        }
    }

    private static void assertCleanError(Answer response, int status, int code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.body())
                .contains("\"jsonrpc\":\"2.0\"")
                .contains("\"code\":" + code)
                .doesNotContain("stackTrace")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    @Test
    void badInputOnTheWireGetsTheSpecifiedStatusAndAJsonRpcErrorWithoutInternals() throws Exception {
        assertCleanError(send("{not json", null), 400, -32700);
        assertCleanError(send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", null), 400, -32600);
        assertCleanError(send("{\"id\":1,\"method\":\"ping\"}", null), 400, -32600);
        assertCleanError(
                send(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + "a".repeat(70_000)
                                + "\"}}",
                        null),
                413,
                -32600);
        assertCleanError(send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "no-such-session"), 404, -32603);
        assertCleanError(send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", null), 400, -32601);
    }

    @Test
    void unknownMethodIsAJsonRpcErrorAndTheSessionSurvivesBadInput() throws Exception {
        Answer init = send(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
                null);
        String session = init.session();
        assertThat(session).isNotNull();
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
        assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such/method\"}", session)
                        .body())
                .contains("-32601");
        assertCleanError(send("{broken", session), 400, -32700);
        assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", session)
                        .body())
                .contains("\"id\":3")
                .contains("result");

        // Ended by the client: the id is dead from then on, like an expired one.
        HttpResponse<String> deleted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/mcp"))
                                .header("Mcp-Session-Id", session)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertCleanError(send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", session), 404, -32603);
    }

    @Test
    void clientsNameOnlyFilesUnderTheConfiguredDirectories() {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl)
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build()) {
            client.initialize();
            McpSchema.CallToolResult inside = client.callTool(new McpSchema.CallToolRequest(
                    "lint_migration",
                    Map.of("paths", List.of(fileRoot.resolve("V1__index.sql").toString()))));
            assertThat(inside.isError()).as(inside.content().toString()).isFalse();
            assertThat(inside.structuredContent().toString()).contains("require-concurrent-index-creation");
            for (Map.Entry<String, Map<String, Object>> refused : Map.of(
                            "lint_migration", Map.<String, Object>of("paths", List.of("/etc/passwd")),
                            "dry_run",
                                    Map.<String, Object>of(
                                            "environment",
                                            "dev",
                                            "paths",
                                            List.of(fileRoot.resolve("escape/V1__secret.sql")
                                                    .toString())),
                            "generate_rollback",
                                    Map.<String, Object>of(
                                            "environment",
                                            "dev",
                                            "paths",
                                            List.of(fileRoot.resolve("../" + fileRoot.getFileName() + "/../x.sql")
                                                    .toString())),
                            "map_dependencies",
                                    Map.<String, Object>of("target", "shop.customers.email", "roots", List.of("/etc")))
                    .entrySet()) {
                McpSchema.CallToolResult r =
                        client.callTool(new McpSchema.CallToolRequest(refused.getKey(), refused.getValue()));
                String text = ((McpSchema.TextContent) r.content().get(0)).text();
                assertThat(r.isError()).as(refused.getKey() + ": " + text).isTrue();
                assertThat(text)
                        .as(refused.getKey())
                        .contains("this server reads only files under")
                        .doesNotContain("server user");
            }
        }
    }

    @Test
    void toolsWorkOverStreamableHttp() {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl)
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("schemaguard");
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .contains("inspect_schema");
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
                    "inspect_schema", Map.of("environment", "dev", "table", "shop.products")));
            assertThat(result.isError()).isFalse();
            assertThat(result.structuredContent().toString()).contains("price_gross_cents");
        }
    }
}
