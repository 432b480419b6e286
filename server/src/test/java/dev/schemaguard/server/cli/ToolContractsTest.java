package dev.schemaguard.server.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool's contract is its input schema (server/src/main/resources/…/mcp/tools/TOOL.input.json, the one the MCP SDK
 * checks calls against); the README's tool table and the CLI command are checked against it, so that none of the
 * three drifts: every parameter is named in the tool's README row, and none that is not; and every parameter is an
 * option or an argument of its CLI command, or is named below with why the command has no use for it.
 */
class ToolContractsTest {

    /** Each tool's CLI command. apply_migration's command reads files, as dry run's does. */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("list_environments", EnvironmentsCommand.class);
        COMMANDS.put("inspect_schema", InspectCommand.class);
        COMMANDS.put("lint_migration", LintCommand.class);
        COMMANDS.put("dry_run", DryRunCommand.class);
        COMMANDS.put("generate_rollback", RollbackCommand.class);
        COMMANDS.put("check_migration", CheckCommand.class);
        COMMANDS.put("map_dependencies", DepsCommand.class);
        COMMANDS.put("impact_of_migration", ImpactCommand.class);
        COMMANDS.put("run_query", QueryCommand.class);
        COMMANDS.put("compare_schemas", DiffCommand.class);
        COMMANDS.put("apply_migration", ApplyCommand.class);
    }

    /** The parameter's CLI spelling where it is not {@code --kebab-case} of its name; "ARG" for an argument. */
    private static final Map<String, String> SPELLED = Map.ofEntries(
            Map.entry("environment", "--env"),
            Map.entry("sql", "ARG"), // the CLI reads the migration from its files (or the query text)
            Map.entry("paths", "ARG"),
            Map.entry("target", "ARG"),
            Map.entry("first", "ARG"),
            Map.entry("second", "ARG"),
            Map.entry("roots", "--code"),
            Map.entry("name_pattern", "--name"),
            Map.entry("assume_in_transaction", "--no-transaction"),
            Map.entry("compare_schemas.kinds", "--kind"),
            Map.entry("compare_schemas.schemas", "--schema"),
            Map.entry("compare_schemas.tables", "--table"));

    /** Parameters a command has no use for, and why. */
    private static final Map<String, String> NOT_ON_THE_CLI = Map.of(
            "inspect_schema.cursor", "the CLI prints every page, not one at a time",
            "inspect_schema.budget_tokens", "the CLI prints every page, not one at a time",
            "compare_schemas.cursor", "the CLI prints the whole comparison",
            "compare_schemas.budget_tokens", "the CLI prints the whole comparison");

    private static JsonNode inputSchema(String tool) throws IOException {
        try (InputStream in = ToolContractsTest.class.getResourceAsStream(
                "/dev/schemaguard/server/mcp/tools/" + tool + ".input.json")) {
            assertThat(in).as(tool + ".input.json").isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static Set<String> parameters(String tool) throws IOException {
        Set<String> names = new TreeSet<>();
        JsonNode properties = inputSchema(tool).path("properties");
        properties.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void everyToolHasACommandAndEveryContractIsChecked() throws IOException {
        Set<String> contracts = new TreeSet<>();
        try (var files = Files.list(Path.of("src/main/resources/dev/schemaguard/server/mcp/tools"))) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".input.json"))
                    .forEach(f -> contracts.add(f.replace(".input.json", "")));
        }
        assertThat(COMMANDS.keySet()).containsExactlyInAnyOrderElementsOf(contracts);
    }

    @Test
    void theReadmeNamesEachToolsParametersExactly() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> wrong = new ArrayList<>();
        for (String tool : COMMANDS.keySet()) {
            Matcher row =
                    Pattern.compile("(?m)^\\| `" + tool + "` \\| (.*?) \\|").matcher(readme);
            assertThat(row.find()).as("a README row for " + tool).isTrue();
            String cell = row.group(1);
            int colon = cell.indexOf(": ");
            Set<String> named = new TreeSet<>();
            if (colon > 0 && cell.startsWith("`")) {
                Matcher name = Pattern.compile("`([a-z_]+)`")
                        .matcher(cell.substring(0, colon).replaceAll("\\([^)]*\\)", "")); // (values) are not names
                while (name.find()) {
                    named.add(name.group(1));
                }
            }
            if (!named.equals(parameters(tool))) {
                wrong.add(tool + ": the README names " + named + ", the contract has " + parameters(tool));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyParameterIsAnOptionOrArgumentOfItsCommand() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Class<?>> e : COMMANDS.entrySet()) {
            String tool = e.getKey();
            CommandLine.Model.CommandSpec spec = new CommandLine(e.getValue()).getCommandSpec();
            Set<String> options = new TreeSet<>();
            spec.options().forEach(o -> options.addAll(List.of(o.names())));
            boolean arguments = !spec.positionalParameters().isEmpty();
            for (String parameter : parameters(tool)) {
                if (NOT_ON_THE_CLI.containsKey(tool + "." + parameter)) {
                    continue;
                }
                String spelled = SPELLED.getOrDefault(
                        tool + "." + parameter, SPELLED.getOrDefault(parameter, "--" + parameter.replace('_', '-')));
                boolean present = spelled.equals("ARG") ? arguments : options.contains(spelled);
                if (!present) {
                    missing.add(tool + "." + parameter + " (" + spelled + ") in "
                            + e.getValue().getSimpleName());
                }
            }
        }
        assertThat(missing)
                .as("parameters of the contract the CLI does not take")
                .isEmpty();
    }

    @Test
    void everyExceptionNamesAParameterThatExists() throws IOException {
        for (String key : NOT_ON_THE_CLI.keySet()) {
            String[] parts = key.split("\\.");
            assertThat(parameters(parts[0])).as(key).contains(parts[1]);
        }
    }
}
