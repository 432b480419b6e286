package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.demo.DemoEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's CLI blocks are run as a reader would type them, against the demo `schemaguard demo --keep` gives the
 * CLI: every command must end as a tool does (0, 1 for findings or differences, 4 for an apply that waits for a
 * person), never as bad usage (2) or an internal error (3); and the approval flow the README shows completes.
 */
@Tag("database")
class ReadmeCommandsTest {

    @TempDir
    Path work;

    @Test
    void everyCommandOfTheReadmesCliBlockRunsAsWrittenAgainstTheKeptDemo() throws IOException {
        List<List<String>> commands = commands(block("## CLI"));
        assertThat(commands).as("the README's CLI block").hasSizeGreaterThanOrEqualTo(15);
        try (DemoEnvironment demo = DemoEnvironment.start();
                KeptDemo kept = KeptDemo.write(demo, work.resolve("demo"))) {
            for (List<String> args : commands) {
                CliRun run = CliRun.of(withConfig(args, kept));
                assertThat(run.exitCode())
                        .as("./schemaguard %s\n%s%s", String.join(" ", args), run.out(), run.err())
                        .isIn(0, 1, args.get(0).equals("apply") ? 4 : 0);
            }
        }
    }

    @Test
    void theApprovalFlowTheReadmeShowsCompletesOnTheKeptDemo() throws Exception {
        List<List<String>> flow = commands(block("### The approval flow on the demo"));
        assertThat(flow).extracting(c -> c.get(0)).containsExactly("apply", "approvals", "apply");
        try (DemoEnvironment demo = DemoEnvironment.start();
                KeptDemo kept = KeptDemo.write(demo, work.resolve("demo"))) {
            CliRun waiting = CliRun.of(withConfig(flow.get(0), kept));
            assertThat(waiting.exitCode()).as(waiting.out() + waiting.err()).isEqualTo(4);
            Matcher id = Pattern.compile("schemaguard approvals approve (apr-[a-z0-9]+)")
                    .matcher(waiting.out() + waiting.err());
            assertThat(id.find())
                    .as("the apply names the command that approves it:\n" + waiting.out() + waiting.err())
                    .isTrue();

            List<String> approve = flow.get(1).stream()
                    .map(a -> a.equals("REQUEST_ID") ? id.group(1) : a)
                    .toList();
            CliRun approved = CliRun.of(withConfig(approve, kept));
            assertThat(approved.exitCode()).as(approved.out() + approved.err()).isZero();
            // the README's approvals block, on the same request
            for (List<String> args : List.of(
                    List.of("approvals", "list", "--all"),
                    List.of("approvals", "show", id.group(1)),
                    List.of("audit", "verify"))) {
                CliRun run = CliRun.of(withConfig(args, kept));
                assertThat(run.exitCode())
                        .as(String.join(" ", args) + "\n" + run.out() + run.err())
                        .isZero();
            }

            CliRun applied = CliRun.of(withConfig(flow.get(2), kept));
            assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
            try (var c = demo.server().connect("shop_prod");
                    var s = c.createStatement();
                    var rs = s.executeQuery(
                            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'shop' AND table_name = 'orders' AND column_name = 'channel'")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("the migration's column, on prod after the approval")
                        .isEqualTo(1);
            }
        }
    }

    /** The commands of the first bash block after {@code heading}, split as a shell would (double quotes kept together). */
    private static String block(String heading) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf(heading);
        assertThat(at).as("README heading " + heading).isNotNegative();
        String rest = readme.substring(at);
        int start = rest.indexOf("```bash") + 7;
        return rest.substring(start, rest.indexOf("```", start));
    }

    private List<List<String>> commands(String block) {
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.lines().toList()) {
            String command = line.replaceAll("\\s+#.*$", "").strip();
            if (!command.startsWith("./schemaguard ")
                    || command.contains("|")
                    || command.contains("HISTORY_ID")
                    || command.startsWith("./schemaguard demo")) {
                continue; // alternatives (a | b), a history id only a real destructive apply gives, and the demo itself
            }
            List<String> args = new ArrayList<>();
            Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command.substring("./schemaguard ".length()));
            while (word.find()) {
                String arg = word.group(1) != null ? word.group(1) : word.group(2);
                args.add(arg.startsWith("examples/") ? "../" + arg : arg);
            }
            int out = args.indexOf("--out");
            if (out >= 0) {
                args.set(out + 1, work.resolve(args.get(out + 1)).toString()); // not into the module's directory
            }
            commands.add(args);
        }
        return commands;
    }

    /** The command as typed, pointed at the kept demo's configuration where it reads one (the CLI finds it by itself). */
    private static String[] withConfig(List<String> args, KeptDemo kept) {
        picocli.CommandLine command = SchemaguardMain.commandLine();
        for (String arg : args) {
            if (!command.getSubcommands().containsKey(arg)) {
                break;
            }
            command = command.getSubcommands().get(arg);
        }
        List<String> all = new ArrayList<>(args);
        if (command.getCommandSpec().findOption("--config") != null) {
            all.addAll(List.of("--config", kept.configuration().toString()));
        }
        return all.toArray(String[]::new);
    }
}
