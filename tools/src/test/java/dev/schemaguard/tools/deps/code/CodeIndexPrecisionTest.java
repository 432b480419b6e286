package dev.schemaguard.tools.deps.code;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the code side over examples/services, against a hand-labelled ground truth
 * (examples/services/expected-sites.tsv: every table and column of the demo schema, and every site that uses it).
 * Targets are the schema's tables and columns plus every other table the scanner reports (whose sites are all false).
 * The known false positives and misses are named, so a new one fails the test and the numbers in
 * docs/benchmarks.md stay true.
 */
class CodeIndexPrecisionTest {

    @Test
    void precisionAndRecallOverTheExampleServices() throws IOException {
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("..", "examples", "services", "expected-sites.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t");
                truth.put(parts[0], new LinkedHashSet<>(Arrays.asList(parts).subList(1, parts.length)));
            }
        }
        CodeIndex index = CodeIndex.scan(List.of(Path.of("..", "examples", "services")), CodeIndexCache.none());
        Map<String, Set<String>> targets = new LinkedHashMap<>(truth);
        for (String table : index.tables()) {
            if (truth.keySet().stream().noneMatch(t -> t.endsWith("." + table) && t.split("\\.").length == 2)) {
                targets.put("unknown." + table, Set.of());
            }
        }
        List<String> falsePositives = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        int found = 0;
        int expected = 0;
        for (Map.Entry<String, Set<String>> target : targets.entrySet()) {
            Set<String> sites = new LinkedHashSet<>();
            index.sitesFor(DependencyTarget.parse(target.getKey()))
                    .forEach(
                            s -> sites.add(s.service() + " " + Path.of(s.file()).getFileName() + ":" + s.line()));
            found += sites.size();
            expected += target.getValue().size();
            sites.stream()
                    .filter(s -> !target.getValue().contains(s))
                    .forEach(s -> falsePositives.add(target.getKey() + " " + s));
            target.getValue().stream()
                    .filter(s -> !sites.contains(s))
                    .forEach(s -> misses.add(target.getKey() + " " + s));
        }
        double precision = (found - falsePositives.size()) / (double) found;
        double recall = (expected - misses.size()) / (double) expected;
        System.out.printf(
                "code side over examples/services, %d targets: precision %d/%d = %.1f %%, recall %d/%d = %.1f %%%n",
                targets.size(),
                found - falsePositives.size(),
                found,
                100 * precision,
                expected - misses.size(),
                expected,
                100 * recall);

        assertThat(falsePositives)
                .as("UI text that reads like SQL")
                .containsExactly("unknown.the notifications newsletter.ts:13");
        assertThat(misses)
                .as("SQL assembled by a StringBuilder at run time")
                .containsExactly(
                        "shop.orders order-service OrderQueries.java:38",
                        "shop.orders.id order-service OrderQueries.java:38",
                        "shop.orders.placed_at order-service OrderQueries.java:38");
        assertThat(precision).isGreaterThan(0.98);
        assertThat(recall).isGreaterThan(0.95);
    }
}
