package dev.schemaguard.server.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's CLI block is run as a reader would type it: every command that needs no environment (lint, policy
 * check) must run on a fresh clone and end as a tool does (0, or 1 for findings), never as bad input or an internal
 * error. Commands that name an environment need a configuration the clone does not have (issue: the demo for the CLI).
 */
class ReadmeCommandsTest {

    @Test
    void theReadmesCliCommandsThatNeedNoEnvironmentRunAsWritten() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String block = readme.substring(readme.indexOf("## CLI"));
        block = block.substring(block.indexOf("```bash") + 7, block.indexOf("```", block.indexOf("```bash") + 7));
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.lines().toList()) {
            String command = line.replaceAll("\\s+#.*$", "").strip();
            if (command.startsWith("./schemaguard ") && !command.contains("--env") && !command.contains("|")) {
                commands.add(List.of(command.substring("./schemaguard ".length()).split("\\s+")));
            }
        }
        assertThat(commands).as("the README shows lint and policy check without an environment").hasSizeGreaterThanOrEqualTo(3);
        for (List<String> args : commands) {
            List<String> fromRoot = args.stream().map(a -> a.startsWith("examples/") ? "../" + a : a).toList();
            CliRun run = CliRun.of(fromRoot.toArray(String[]::new));
            assertThat(run.exitCode()).as("./schemaguard %s\n%s%s", String.join(" ", args), run.out(), run.err()).isIn(0, 1);
        }
    }
}
