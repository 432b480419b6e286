package dev.schemaguard.server.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How end-to-end tests start the packaged server: exactly as a user's MCP client would, from the built jar. */
final class ServerProcess {

    private ServerProcess() {}

    static Path jar() {
        Path jar = Path.of(System.getProperty("schemaguard.jar", "target/schemaguard.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run `mvn verify` (the end-to-end tests need the packaged jar)");
        }
        return jar;
    }

    /** A server started with {@code --http}: the process and the base URL it printed on stderr. */
    record Http(Process process, String baseUrl) {}

    private static final Pattern LISTENING = Pattern.compile("MCP over Streamable HTTP at (http://\\S+)/mcp");

    /** Starts the jar with these arguments (which include --http) and waits until it says where it listens. */
    static Http startHttp(Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String baseUrl = null;
        String line;
        while (baseUrl == null && System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                baseUrl = m.group(1);
            }
        }
        if (baseUrl == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not say where it listens within 60 s");
        }
        Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "drain-server-stderr");
        drain.setDaemon(true);
        drain.start();
        return new Http(process, baseUrl);
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString()));
        command.addAll(List.of(args));
        return command;
    }
}
