package dev.schemaguard.tools.deps;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.deps.code.CodeIndex;
import dev.schemaguard.tools.deps.code.CodeIndexCache;
import dev.schemaguard.tools.deps.code.CodeSite;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the enum readers over examples/services, against a hand-labelled ground truth
 * (examples/services/expected-enum-readers.tsv: for a value added to the demo's order_status, every piece of code that
 * decodes the type's values, with its verdict). The type's values and the columns of that type come from the demo's
 * schema; the readers and their verdicts from the code index, as impact_of_migration finds them.
 */
class EnumReadersPrecisionTest {

    @Test
    void precisionAndRecallOfTheEnumReadersOverTheExampleServices() throws IOException {
        Set<String> truth = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("..", "examples", "services", "expected-enum-readers.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                truth.add(String.join(" ", line.split("\t")));
            }
        }
        Matcher type = Pattern.compile("CREATE TYPE shop\\.order_status AS ENUM \\(([^)]*)\\)")
                .matcher(DemoDatabase.schemaSql());
        assertThat(type.find()).isTrue();
        List<String> values = Arrays.stream(type.group(1).split(","))
                .map(v -> v.strip().replaceAll("^'|'$", ""))
                .toList();
        assertThat(DemoDatabase.schemaSql())
                .as("shop.orders.status is the demo's one column of the type")
                .containsOnlyOnce("shop.order_status NOT NULL");

        CodeIndex index = CodeIndex.scan(List.of(Path.of("..", "examples", "services")), CodeIndexCache.none());
        SchemaChanges.TypeChange change = SchemaChanges.typeChanges("ALTER TYPE shop.order_status ADD VALUE 'on_hold';")
                .get(0);
        Set<String> reported = new LinkedHashSet<>();
        for (ImpactOfMigration.StatementImpact i :
                EnumDecoders.impacts(change, List.of("shop.orders.status"), index, values)) {
            for (CodeSite site : i.code()) {
                reported.add(site.service() + " " + Path.of(site.file()).getFileName() + ":" + site.line() + " "
                        + i.change().severity());
            }
        }
        List<String> falsePositives = new ArrayList<>(reported);
        falsePositives.removeAll(truth);
        List<String> misses = new ArrayList<>(truth);
        misses.removeAll(reported);
        System.out.printf(
                "enum readers over examples/services: precision %d/%d, recall %d/%d%n",
                reported.size() - falsePositives.size(), reported.size(), truth.size() - misses.size(), truth.size());
        assertThat(falsePositives).as("reported, not in the ground truth").isEmpty();
        assertThat(misses).as("in the ground truth, not reported").isEmpty();
    }
}
