package dev.schemaguard.server.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `schemaguard demo --keep` as a person uses it: in one terminal the demo, in another any command with --env, found
 * without a configuration of one's own; a second kept demo is refused; when the demo stops, nothing of it is found
 * any more (and its database is gone).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KeptDemoIT {

    @Test
    void theCliFindsTheKeptDemoWhileItRunsAndNothingAfterItStops() throws Exception {
        Path home = Files.createTempDirectory("schemaguard-kept-demo");
        Path work = Files.createDirectories(home.resolve("work")); // no schemaguard.yaml here
        Process demo = start(home, work, "demo", "--keep");
        try {
            BufferedReader err =
                    new BufferedReader(new InputStreamReader(demo.getErrorStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = err.readLine()) != null && !line.contains("ready for the CLI")) {
                // start-up lines
            }
            assertThat(line).as("the demo says it is ready").isNotNull();
            Thread drain = new Thread(() -> err.lines().forEach(l -> {}));
            drain.setDaemon(true);
            drain.start();

            Result inspect = run(home, work, "inspect", "--env", "prod", "--table", "shop.orders");
            assertThat(inspect.exit()).as(inspect.output()).isZero();
            assertThat(inspect.output())
                    .contains("kept by `schemaguard demo --keep`")
                    .contains("table shop.orders");

            Result second = run(home, work, "demo", "--keep");
            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.output()).contains("A demo is already kept for the CLI, by process " + demo.pid());
        } finally {
            demo.destroy(); // SIGTERM, as Ctrl-C would end it
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Result after = run(home, work, "inspect", "--env", "prod");
        assertThat(after.exit())
                .as("an unknown environment is bad input\n" + after.output())
                .isEqualTo(2);
        assertThat(after.output()).contains("Unknown environment 'prod'").doesNotContain("demo --keep");
        try (var left = Files.list(home.resolve("state/schemaguard/demo"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("only the demo's own approvals and audit stay")
                    .containsExactly("state");
        }
    }

    private record Result(int exit, String output) {}

    private static Process start(Path home, Path work, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(args))
                .directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("HOME", home.toString());
        return builder.start();
    }

    private static Result run(Path home, Path work, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(args))
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
