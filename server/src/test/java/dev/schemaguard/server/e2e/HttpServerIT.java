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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `schemaguard demo --http --port 0`: Streamable HTTP on loopback, driven by the SDK's HTTP client. */
class HttpServerIT {

    private static final Pattern URL = Pattern.compile("MCP over Streamable HTTP at (http://\\S+)/mcp");
    private static Process server;
    private static String baseUrl;

    @BeforeAll
    static void startTheDemoOverHttp() throws Exception {
        server = new ProcessBuilder(ServerProcess.command("demo", "--http", "--port", "0"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (baseUrl == null && (line = err.readLine()) != null && System.nanoTime() < deadline) {
            Matcher m = URL.matcher(line);
            if (m.find()) {
                baseUrl = m.group(1);
            }
        }
        assertThat(baseUrl).as("the server prints where it listens").isNotNull();
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy(); // SIGTERM: the demo's data directory goes with it
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(baseUrl).startsWith("http://127.0.0.1:");
    }

    @Test
    void toolsWorkOverStreamableHttp() {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp").build())
                .requestTimeout(Duration.ofSeconds(60)).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("schemaguard");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("inspect_schema");
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("inspect_schema",
                    Map.of("environment", "dev", "table", "shop.products")));
            assertThat(result.isError()).isFalse();
            assertThat(result.structuredContent().toString()).contains("price_gross_cents");
        }
    }
}
