package dev.schemaguard.server.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The use cases speak to an agent, which calls tools ("call apply_migration again"); printed by the CLI, a message
 * names the command a person types instead ("run `schemaguard apply` again"). Applied to messages and text output,
 * never to JSON.
 */
final class CliWords {

    private static final Map<String, String> COMMANDS = Map.of(
            "list_environments",
            "environments",
            "inspect_schema",
            "inspect",
            "lint_migration",
            "lint",
            "dry_run",
            "dry-run",
            "generate_rollback",
            "rollback",
            "check_migration",
            "check",
            "map_dependencies",
            "deps",
            "impact_of_migration",
            "impact",
            "apply_migration",
            "apply",
            "run_query",
            "query");
    private static final Pattern TOOL =
            Pattern.compile("\\b([Cc]all )?(" + String.join("|", COMMANDS.keySet()) + ")\\b");

    private CliWords() {}

    static String of(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TOOL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String verb = m.group(1) == null ? "" : m.group(1).startsWith("C") ? "Run " : "run ";
            m.appendReplacement(out, Matcher.quoteReplacement(verb + "`schemaguard " + COMMANDS.get(m.group(2)) + "`"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
