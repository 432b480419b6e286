package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.lint.rules.LintRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/rules/} is generated from the rule classes and their fixtures: one page per rule with what it declares
 * and a real finding with its fix, plus an index. This test fails when a page differs from what the code says; run
 * it with {@code -Drules.docs.update=true} to rewrite the pages. Prose a person adds below {@link #HAND_WRITTEN} at
 * the end of a page is kept, as Squawk's rule docs keep theirs.
 */
class RuleDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "rules");

    @Test
    void theReadmeCountsTheRulesThereAre() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        java.util.regex.Matcher counted =
                java.util.regex.Pattern.compile("\\b(\\d+) rules\\b").matcher(readme);
        int mentions = 0;
        while (counted.find()) {
            mentions++;
            assertThat(Integer.parseInt(counted.group(1)))
                    .as("README.md: \"%s\"", counted.group())
                    .isEqualTo(LintRules.all().size());
        }
        assertThat(mentions).as("README.md says how many rules there are").isPositive();
    }

    @Test
    void ruleDocsAreGeneratedFromTheRules() throws IOException {
        Map<String, String> pages = new TreeMap<>();
        List<LintRule> rules = new ArrayList<>(LintRules.all());
        rules.sort(Comparator.comparing(LintRule::id));
        for (LintRule rule : rules) {
            pages.put(rule.id() + ".md", page(rule));
        }
        pages.put("README.md", index(rules));
        boolean update = Boolean.getBoolean("rules.docs.update");
        if (update) {
            Files.createDirectories(DOCS);
            try (var old = Files.list(DOCS)) {
                for (Path p : old.toList()) {
                    if (!pages.containsKey(p.getFileName().toString())) {
                        Files.delete(p);
                    }
                }
            }
        }
        for (Map.Entry<String, String> generated : pages.entrySet()) {
            Path file = DOCS.resolve(generated.getKey());
            Map.Entry<String, String> page = Map.entry(generated.getKey(), generated.getValue() + handWritten(file));
            if (update) {
                Files.writeString(file, page.getValue());
            }
            assertThat(file)
                    .as(
                            "docs/rules/%s (regenerate: mvn -pl tools test -Dtest=RuleDocsTest -Drules.docs.update=true)",
                            page.getKey())
                    .exists()
                    .hasContent(page.getValue());
        }
        try (var files = Files.list(DOCS)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("pages without a rule")
                    .containsExactlyInAnyOrderElementsOf(pages.keySet());
        }
    }

    /** What a page says below {@link #HAND_WRITTEN}, written by a person: kept as it is when the page is generated. */
    static final String HAND_WRITTEN = "<!-- hand-written below: kept when this page is generated -->";

    private static String handWritten(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String text = Files.readString(file);
        int at = text.indexOf(HAND_WRITTEN);
        return at < 0 ? "" : "\n" + text.substring(at);
    }

    private static String index(List<LintRule> rules) {
        StringBuilder out = new StringBuilder("# Lint rules\n\n")
                .append(
                        "Generated from the rule classes (`tools/src/main/java/dev/schemaguard/tools/lint/rules/`) by `RuleDocsTest`: do not edit by hand.\n")
                .append(
                        "Change a rule's severity, or turn it on or off, in the `lint.rules` section of `schemaguard.yaml`.\n\n")
                .append("| Rule | Category | Default | Lock | PostgreSQL |\n|---|---|---|---|---|\n");
        for (LintRule rule : rules) {
            out.append("| [")
                    .append(rule.id())
                    .append("](")
                    .append(rule.id())
                    .append(".md) | ")
                    .append(rule.category().label())
                    .append(" | ")
                    .append(rule.defaultSeverity().label())
                    .append(" | ")
                    .append(lock(rule))
                    .append(" | ")
                    .append(rule.appliesTo())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String lock(LintRule rule) {
        return rule.lock() == LockMode.NONE
                ? "—"
                : rule.lock().sqlName() + " (blocks " + rule.lock().blocks() + ")";
    }

    private static String page(LintRule rule) throws IOException {
        StringBuilder out = new StringBuilder("# ")
                .append(rule.id())
                .append("\n\n")
                .append("| | |\n|---|---|\n")
                .append("| Category | ")
                .append(rule.category().label())
                .append(" |\n")
                .append("| Default severity | ")
                .append(rule.defaultSeverity().label())
                .append(rule.defaultSeverity() == Severity.OFF ? " (enable it in `lint.rules`)" : "")
                .append(" |\n")
                .append("| Lock taken | ")
                .append(lock(rule))
                .append(" |\n")
                .append("| PostgreSQL | ")
                .append(rule.appliesTo())
                .append(" |\n\n")
                .append(rule.explanation())
                .append("\n");
        String fixture = fixture(rule.id());
        String[] lines = fixture.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            if (LintRuleFixturesTest.MARKER.matcher(lines[i]).find()) {
                FixtureHeader header = FixtureHeader.of(fixture);
                LintSettings settings = new LintSettings(
                        header.targetVersion(),
                        header.inTransaction(),
                        Map.of(
                                rule.id(),
                                rule.defaultSeverity() == Severity.OFF ? Severity.WARNING : rule.defaultSeverity()),
                        LintSettings.DEFAULT_BIG_TABLE_ROWS,
                        List.of(),
                        null);
                int line = i + 2;
                Finding finding = new LintMigration(LintRules.all(), settings, header.schema())
                        .lint(fixture, rule.id() + ".sql", header.inTransaction()).stream()
                                .filter(f -> f.rule().equals(rule.id()) && f.line() == line)
                                .findFirst()
                                .orElseThrow();
                out.append("\n## Example\n\n```sql\n")
                        .append(lines[i + 1])
                        .append("\n```\n\n")
                        .append("> ")
                        .append(finding.message())
                        .append("\n");
                if (finding.fix() != null) {
                    out.append("\nInstead:\n\n```sql\n").append(finding.fix()).append("\n```\n");
                }
                break;
            }
        }
        out.append("\nSilence it for one statement with `-- schemaguard:ignore ")
                .append(rule.id())
                .append("` on the line before. Tests: `tools/src/test/resources/lint/")
                .append(rule.id())
                .append(".sql`.\n");
        return out.toString();
    }

    private static String fixture(String id) throws IOException {
        try (InputStream in = RuleDocsTest.class.getResourceAsStream("/lint/" + id + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
