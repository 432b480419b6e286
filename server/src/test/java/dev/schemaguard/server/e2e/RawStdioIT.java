package dev.schemaguard.server.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * stdout is the MCP wire: byte for byte, from start to exit, every line the server writes must be a JSON-RPC message.
 * Also: older protocol versions are negotiated, and closing stdin stops the server and removes the demo's data.
 */
class RawStdioIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyStdoutLineIsJsonRpcAndAnOlderProtocolVersionIsHonoured() throws Exception {
        Path log = Files.createTempFile("schemaguard-it", ".log");
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command("demo"));
        builder.environment().put("SCHEMAGUARD_LOG", log.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<JsonNode> messages = new ArrayList<>();
        List<JsonNode> responses = new ArrayList<>();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            responses.add(readResponse(out, 1, messages));
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"inspect_schema\","
                            + "\"arguments\":{\"environment\":\"dev\",\"table\":\"shop.customers\"}}}");
            responses.add(readResponse(out, 2, messages));
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no/such/method\"}");
            responses.add(readResponse(out, 3, messages));
            in.close(); // the client goes away: the server must exit by itself
            String rest;
            while ((rest = out.readLine()) != null) {
                messages.add(JSON.readTree(rest)); // anything after must still be JSON
            }
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("server exits when stdin closes")
                .isTrue();

        assertThat(responses.get(0).at("/result/protocolVersion").asText()).isEqualTo("2025-03-26");
        assertThat(responses.get(1).at("/result/isError").asBoolean()).isFalse();
        assertThat(responses
                        .get(1)
                        .at("/result/structuredContent/tables/0/name")
                        .asText())
                .isEqualTo("customers");
        assertThat(responses.get(2).at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(messages)
                .allSatisfy(m -> assertThat(m.get("jsonrpc").asText()).isEqualTo("2.0"));
        String logText = Files.readString(log);
        assertThat(logText).contains("data directory").contains("removed");
    }

    /** The demo lists its ~50 tables as resources in the background while the client connects. */
    @Test
    void nothingButResponsesBeforeInitializedAndAListChangeIsSaidOnce() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command("demo"));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<JsonNode> beforeInitialized = new ArrayList<>();
        List<JsonNode> after = new ArrayList<>();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Thread.sleep(8000); // long enough for the demo to start and publish its table resources
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            readResponse(out, 1, beforeInitialized);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            // on a slow machine the tables may be listed only now, after initialized: wait until they are
            int listed = 0;
            for (int id = 2; id < 40 && listed <= 10; id++) {
                Thread.sleep(1000);
                send(in, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"resources/list\"}");
                listed = readResponse(out, id, after).at("/result/resources").size();
            }
            assertThat(listed).as("the tables are listed").isGreaterThan(10);
            Thread.sleep(1000); // a notice still on its way arrives before the next answer
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"ping\"}");
            readResponse(out, 99, after);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(beforeInitialized)
                .as("up to the initialize response, only that response")
                .hasSize(1)
                .allSatisfy(m -> assertThat(m.has("id")).isTrue());
        assertThat(after)
                .filteredOn(m -> "notifications/resources/list_changed"
                        .equals(m.path("method").asText()))
                .as("one notice for the whole list")
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aLineThatIsNoJsonRpcMessageGetsAJsonRpcErrorAndTheServerServesOn() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command("demo"));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<JsonNode> messages = new ArrayList<>();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            readResponse(out, 1, messages);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            List<String> malformed = List.of(
                    "hello",
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/li",
                    "[".repeat(5000) + "]".repeat(5000),
                    "[{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"},{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}]",
                    "{\"jsonrpc\":\"2.0\",\"id\":10}",
                    "42");
            List<JsonNode> errors = new ArrayList<>();
            for (String line : malformed) {
                send(in, line);
                errors.add(readError(out, messages));
            }
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/list\"}");
            JsonNode tools = readResponse(out, 11, messages);
            assertThat(errors)
                    .extracting(e -> e.at("/error/code").asInt())
                    .containsExactly(-32700, -32700, -32700, -32600, -32600, -32600);
            assertThat(errors.get(4).get("id").asInt())
                    .as("the id of an invalid request is echoed")
                    .isEqualTo(10);
            assertThat(errors.get(0).get("id").isNull()).isTrue();
            assertThat(tools.at("/result/tools").size())
                    .as("the server serves on")
                    .isGreaterThan(5);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode readError(BufferedReader out, List<JsonNode> all) throws Exception {
        while (true) {
            String line = out.readLine();
            assertThat(line).as("server closed stdout instead of answering").isNotNull();
            JsonNode message = JSON.readTree(line);
            all.add(message);
            if (message.has("error")) {
                return message;
            }
        }
    }

    private static void send(OutputStream in, String line) throws Exception {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /**
     * Reads lines up to the response with {@code id}, keeping every message (notifications come in between); each line
     * must parse as JSON, so a stray log line on stdout fails the test here.
     */
    private static JsonNode readResponse(BufferedReader out, int id, List<JsonNode> all) throws Exception {
        while (true) {
            String line = out.readLine();
            assertThat(line)
                    .as("server closed stdout before answering request %d", id)
                    .isNotNull();
            JsonNode message = JSON.readTree(line);
            all.add(message);
            if (message.has("id") && message.get("id").asInt() == id) {
                return message;
            }
        }
    }
}
