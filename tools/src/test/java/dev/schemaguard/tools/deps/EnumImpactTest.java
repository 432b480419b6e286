package dev.schemaguard.tools.deps;

import dev.schemaguard.tools.deps.code.CodeSite;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A simple enum addition to patient_status broke 12 services": an enum value added to a PostgreSQL type, against the
 * code that decodes its columns (tools/src/test/resources/enum-impact: four services). Each site the impact must
 * report carries a marker on its line, as Checkstyle's inputs do — {@code // violation: breaks "fragment"} — with the
 * verdict and a fragment of the reason; the traps (a status read as plain text, switches over other values) carry
 * none. The test fails when a marked site is missed, a verdict differs, or an unmarked site is reported.
 */
@Tag("database")
class EnumImpactTest {

    private static final Pattern MARKER = Pattern.compile("(?://|#) violation: (breaks|changes) \"([^\"]+)\"");

    static TestDatabase db;
    static Path services;

    @BeforeAll
    static void setUp() throws URISyntaxException {
        db = TestPostgres.createDatabase("enum_impact");
        db.execute("""
                CREATE SCHEMA shop;
                CREATE TYPE shop.order_status AS ENUM ('NEW', 'PAID', 'SHIPPED');
                CREATE TABLE shop.orders (id bigint PRIMARY KEY, status shop.order_status NOT NULL);
                CREATE TABLE shop.invoices (id bigint PRIMARY KEY, state shop.order_status);""");
        services = Path.of(EnumImpactTest.class.getResource("/enum-impact").toURI());
    }

    private static ImpactOfMigration.ImpactReport impact(String sql) {
        return new ImpactOfMigration(new MapDependencies(db.environments("shop")))
                .impact("shop", sql, List.of(services));
    }

    /** file:line → verdict and fragment, from the markers. */
    private static Map<String, String[]> markers() throws IOException {
        Map<String, String[]> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(services)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(java|ts|kt|go|py)$"))
                    .toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (m.find()) {
                        expected.put(file.getFileName() + ":" + (i + 1), new String[] {m.group(1), m.group(2)});
                    }
                }
            }
        }
        return expected;
    }

    @Test
    void everyDecoderOfTheTypesColumnsIsFoundWithItsVerdictAndNothingElse() throws IOException {
        ImpactOfMigration.ImpactReport report = impact("ALTER TYPE shop.order_status ADD VALUE 'ON_HOLD';");
        Map<String, String[]> reported = new TreeMap<>();
        for (ImpactOfMigration.StatementImpact i : report.statements()) {
            for (CodeSite site : i.code()) {
                if (site.kind().startsWith("enum-")) {
                    String at = Path.of(site.file()).getFileName() + ":" + site.line();
                    assertThat(reported).as("reported once: " + at).doesNotContainKey(at);
                    reported.put(at, new String[] {i.change().severity(), site.evidence()});
                }
            }
        }
        Map<String, String[]> expected = markers();
        assertThat(reported.keySet()).as(report.toText()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((at, verdict) -> {
            assertThat(reported.get(at)[0]).as(at + ": " + reported.get(at)[1]).isEqualTo(verdict[0]);
            assertThat(reported.get(at)[1]).as(at).contains(verdict[1]);
        });
        assertThat(report.services())
                .filteredOn(s -> s.service().equals("orders"))
                .singleElement()
                .satisfies(s -> assertThat(s.breaks()).isPositive());
        assertThat(report.deployOrder())
                .anySatisfy(step -> assertThat(step)
                        .startsWith("Expand notify: teach its readers the value 'ON_HOLD'")
                        .contains("OrderNotice.java:3"));
        assertThat(report.deployOrder())
                .as("jOOQ reads the value as null: the switch on it must learn it first, the enum alone only changes")
                .anySatisfy(step ->
                        assertThat(step).startsWith("Expand fulfilment:").contains("Packing.java:19"));
        assertThat(report.deployOrder())
                .anySatisfy(step -> assertThat(step)
                        .startsWith("Expand orders:")
                        .contains("Order.java:17", "OrderWorkflow.java:6"));
        assertThat(report.deployOrder())
                .last()
                .asString()
                .startsWith("Then run: ALTER TYPE shop.order_status ADD VALUE 'ON_HOLD';");
    }

    @Test
    void aValueTheEnumsAlreadyKnowBreaksNothingAndARenameBreaksTheReadersOfTheNewName() {
        List<CodeSite> known = new ArrayList<>();
        impact("ALTER TYPE shop.order_status ADD VALUE 'PAID';")
                .statements()
                .forEach(i -> i.code().stream()
                        .filter(c -> c.kind().startsWith("enum-"))
                        .forEach(known::add));
        assertThat(known).as("every reader knows PAID").isEmpty();

        ImpactOfMigration.ImpactReport renamed =
                impact("ALTER TYPE shop.order_status RENAME VALUE 'SHIPPED' TO 'SENT';");
        assertThat(renamed.statements())
                .filteredOn(i -> i.code().stream().anyMatch(c -> c.kind().equals("enum-mapping")))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.change().severity()).isEqualTo("breaks");
                    assertThat(i.change().detail()).contains("has no constant SENT");
                });
        assertThat(renamed.deployOrder())
                .anySatisfy(
                        step -> assertThat(step)
                                .isEqualTo(
                                        "Then run: ALTER TYPE shop.order_status ADD VALUE 'SENT' AFTER 'SHIPPED'; — no reader meets a value it does not know."));
        assertThat(renamed.deployOrder())
                .anySatisfy(step ->
                        assertThat(step).contains("UPDATE shop.orders SET status = 'SENT' WHERE status = 'SHIPPED';"));
        assertThat(renamed.deployOrder()).last().asString().startsWith("Contract: only then remove 'SHIPPED'");
    }

    @Test
    void aValuePlacedBeforeOthersWarnsTheEnumsReadByPositionNotToMirrorItsPlace() {
        ImpactOfMigration.ImpactReport placed =
                impact("ALTER TYPE shop.order_status ADD VALUE 'ON_HOLD' BEFORE 'PAID';");
        List<String> byPosition = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        placed.statements()
                .forEach(i -> i.code().stream()
                        .filter(c -> c.kind().equals("enum-mapping"))
                        .forEach(c -> (c.evidence().contains("@Enumerated(ORDINAL)") ? byPosition : byName)
                                .add(Path.of(c.file()).getFileName() + " "
                                        + i.change().severity() + " " + c.evidence())));
        assertThat(byPosition)
                .singleElement()
                .asString()
                .startsWith("ArchivedOrder.java breaks")
                .contains("mapped by position: add ON_HOLD last in Stage");
        assertThat(byName)
                .singleElement()
                .asString()
                .startsWith("Order.java breaks")
                .doesNotContain("by position");

        assertThat(impact("ALTER TYPE shop.order_status ADD VALUE 'ON_HOLD';").statements())
                .as("added last, the value moves no ordinal")
                .allSatisfy(i -> assertThat(i.change().detail()).doesNotContain("by position"));
    }
}
