package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.lint.input.MigrationSources;
import dev.schemaguard.tools.lint.rules.LintRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linter re-scored on a hand-labelled sample of a real migration tree: 26 of crates.io's Diesel migrations and
 * every finding on them labelled hazard, low-value or wrong (lint-precision/crates-io.labels.tsv, with why). A finding
 * that appears unlabelled, or a labelled one that goes, fails the test: a rule's regression (or improvement) shows
 * here and is labelled by a person. No rule may be wrong on every instance it fires on.
 */
class PrecisionSampleTest {

    static final Path SAMPLE = Path.of("src/test/resources/lint-precision");

    @Test
    void theLabelledSampleOfCratesIosMigrationsScoresAsLabelled() throws IOException {
        Path tree = SAMPLE.resolve("crates-io").toAbsolutePath();
        LintReport report =
                new LintMigration(LintRules.all()).lint(MigrationSources.of(null, List.of(tree.toString()), true));
        TreeSet<String> found = new TreeSet<>();
        for (Finding f : report.findings()) {
            found.add(tree.relativize(Path.of(f.file()).toAbsolutePath()) + ":" + f.line() + "\t" + f.rule());
        }
        Map<String, String> labels = labels();

        List<String> unlabelled =
                found.stream().filter(f -> !labels.containsKey(f)).toList();
        List<String> gone = labels.keySet().stream()
                .filter(l -> !found.contains(l))
                .map(l -> l + " (" + labels.get(l) + ")")
                .toList();
        assertThat(unlabelled)
                .as("findings not in crates-io.labels.tsv: label each (hazard, low-value or wrong, and why)")
                .isEmpty();
        assertThat(gone)
                .as("labelled findings the linter no longer makes: a lost hazard is a regression; otherwise re-label")
                .isEmpty();

        Map<String, int[]> byRule = new TreeMap<>(); // hazard, low-value, wrong
        labels.forEach((finding, label) -> {
            int[] counts = byRule.computeIfAbsent(finding.substring(finding.indexOf('\t') + 1), r -> new int[3]);
            counts[
                    switch (label) {
                        case "hazard" -> 0;
                        case "low-value" -> 1;
                        default -> 2;
                    }]++;
        });
        StringBuilder score = new StringBuilder(
                "precision sample (crates.io, " + labels.size() + " findings): rule hazard/low-value/wrong\n");
        byRule.forEach((rule, c) -> score.append("  ")
                .append(rule)
                .append(' ')
                .append(c[0])
                .append('/')
                .append(c[1])
                .append('/')
                .append(c[2])
                .append('\n'));
        System.out.print(score);
        assertThat(labels).as("the sample holds at least 50 findings").hasSizeGreaterThanOrEqualTo(50);
        assertThat(byRule)
                .as("a rule wrong on every instance it fires on\n" + score)
                .allSatisfy((rule, c) -> assertThat(c[2]).as(rule).isLessThan(c[0] + c[1] + c[2]));
    }

    /** location and rule → label, from the TSV (comments start with #). */
    private static Map<String, String> labels() throws IOException {
        Map<String, String> labels = new TreeMap<>();
        List<String> malformed = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLE.resolve("crates-io.labels.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 4
                    || !List.of("hazard", "low-value", "wrong").contains(fields[2])
                    || fields[3].isBlank()) {
                malformed.add(line);
                continue;
            }
            labels.put(fields[0] + "\t" + fields[1], fields[2]);
        }
        assertThat(malformed)
                .as("label lines must be: location, rule, hazard|low-value|wrong, why")
                .isEmpty();
        return labels;
    }
}
