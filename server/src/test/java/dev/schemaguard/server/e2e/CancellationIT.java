package dev.schemaguard.server.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work stops when its client no longer wants it: {@code notifications/cancelled} over stdio and over HTTP, the end of an
 * HTTP session, and stdin closed. Each attempt runs a dry run whose statement sleeps for two minutes in the sandbox;
 * judged by effect — the sandbox's PostgreSQL backends (their process titles, read from /proc) and how soon the call
 * ends — never by the reply's wording alone.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CancellationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SLEEPING_DRY_RUN =
            "{\"name\":\"dry_run\",\"arguments\":{\"environment\":\"dev\",\"sql\":" + "\"SELECT pg_sleep(120);\"}}";

    @Test
    void overStdioACancelledCallStopsItsStatementAndTheServerServesOn() throws Exception {
        Process server = new ProcessBuilder(ServerProcess.command("demo"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = server.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, initialize(1));
            read(out, 1);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":\"slow-1\",\"method\":\"tools/call\",\"params\":" + SLEEPING_DRY_RUN
                            + "}");
            awaitSleepingBackends(server, true);
            long cancelled = System.nanoTime();
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"slow-1\",\"reason\":\"user pressed Esc\"}}");
            JsonNode answer = read(out, "slow-1");
            assertThat(seconds(cancelled))
                    .as("seconds from the cancellation to the answer")
                    .isLessThan(15);
            assertThat(answer.at("/result/isError").asBoolean()).isTrue();
            assertThat(answer.at("/result/content/0/text").asText())
                    .contains("Cancelled")
                    .contains("user pressed Esc");
            awaitSleepingBackends(server, false);

            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"dry_run\",\"arguments\":"
                            + "{\"environment\":\"dev\",\"sql\":\"CREATE TABLE shop.after_cancel (id int);\"}}}");
            assertThat(read(out, 3).at("/result/isError").asBoolean())
                    .as("the next call runs")
                    .isFalse();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void overStdioClosingStdinMidCallEndsTheServerAndEveryPostgresProcessWithIt() throws Exception {
        Process server = new ProcessBuilder(ServerProcess.command("demo"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<ProcessHandle> started;
        try (OutputStream in = server.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, initialize(1));
            read(out, 1);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":" + SLEEPING_DRY_RUN + "}");
            awaitSleepingBackends(server, true);
            started = server.descendants().toList();
            long closed = System.nanoTime();
            in.close();
            assertThat(server.waitFor(30, TimeUnit.SECONDS))
                    .as("the server exits when its client goes away mid-call")
                    .isTrue();
            assertThat(seconds(closed)).isLessThan(30);
        } finally {
            server.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(started.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + title(p)))
                .as("processes of the server still running after it exited")
                .isEmpty();
    }

    @Test
    void overHttpACancelledCallAndAnEndedSessionStopTheirStatements() throws Exception {
        ServerProcess.Http http = ServerProcess.startHttp(Map.of(), "demo", "--http", "--port", "0");
        try {
            String endpoint = http.baseUrl() + "/mcp";
            String session = post(endpoint, null, initialize(1))
                    .headers()
                    .firstValue("Mcp-Session-Id")
                    .orElseThrow();
            post(endpoint, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> postQuietly(
                    endpoint,
                    session,
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":" + SLEEPING_DRY_RUN + "}"));
            awaitSleepingBackends(http.process(), true);
            long cancelled = System.nanoTime();
            post(
                    endpoint,
                    session,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7}}");
            String answer = first.get(30, TimeUnit.SECONDS);
            assertThat(seconds(cancelled)).isLessThan(15);
            assertThat(answer).contains("\"id\":7").contains("Cancelled");
            awaitSleepingBackends(http.process(), false);

            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> postQuietly(
                    endpoint,
                    session,
                    "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":" + SLEEPING_DRY_RUN + "}"));
            awaitSleepingBackends(http.process(), true);
            HttpResponse<String> deleted = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(endpoint))
                                    .header("Mcp-Session-Id", session)
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(200);
            awaitSleepingBackends(http.process(), false);
            second.handle((r, e) -> r)
                    .get(30, TimeUnit.SECONDS); // its stream ends with the session, however the transport ends it
        } finally {
            http.process().destroy();
            http.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until some PostgreSQL backend under the server is (or none is any more) running a SELECT. */
    private static void awaitSleepingBackends(Process server, boolean sleeping) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int seen = 0;
        while (System.nanoTime() < deadline) {
            boolean any = server.descendants()
                    .anyMatch(p -> title(p).startsWith("postgres: ") && title(p).endsWith(" SELECT"));
            seen = any == sleeping ? seen + 1 : 0;
            if (seen >= (sleeping ? 4 : 1)) { // a SELECT seen for 2 s is the sleeping one, not the dry run's own reads
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                sleeping
                        ? "no backend of the server ever ran the sleeping statement"
                        : "a backend of the server still runs the sleeping statement: "
                                + server.descendants()
                                        .map(CancellationIT::title)
                                        .toList());
    }

    /** A process's title: PostgreSQL backends say there what they run ("postgres: user db host SELECT"). */
    private static String title(ProcessHandle process) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
                            StandardCharsets.UTF_8)
                    .replace('\0', ' ')
                    .strip();
        } catch (IOException gone) {
            return "";
        }
    }

    private static String initialize(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"cancel-it\",\"version\":\"1\"}}}";
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    private static HttpResponse<String> post(String endpoint, String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .timeout(Duration.ofSeconds(180))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String postQuietly(String endpoint, String session, String body) {
        try {
            return post(endpoint, session, body).body();
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    private static void send(OutputStream in, String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The response with this id; notifications and other lines before it are skipped (each must still be JSON). */
    private static JsonNode read(BufferedReader out, Object id) throws IOException {
        while (true) {
            String line = out.readLine();
            assertThat(line)
                    .as("the server closed stdout before answering %s", id)
                    .isNotNull();
            JsonNode message = JSON.readTree(line);
            JsonNode messageId = message.get("id");
            if (messageId != null && messageId.asText().equals(String.valueOf(id)) && !message.has("method")) {
                return message;
            }
        }
    }
}
