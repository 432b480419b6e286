package dev.schemaguard.sandbox.rollback;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.fixtures.TargetDatabases;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change the rollback generator handles, on a DVD rental store in pagila's shape, proven on a copy with
 * sample rows: the schema comes back (or the one cause is named), and each table's rows come back — except exactly
 * those the migration destroys, which the proof names.
 */
@Tag("database")
class RentalStoreRoundTripTest {

    private static final Pattern HEADER = Pattern.compile("(?m)^-- migration: (\\S+) expect: (\\S+)(?: lost: (.+))?$");

    private static TargetDatabases targets;
    private static Sandboxes sandboxes;
    private static RoundTrip roundTrip;

    record Case(String name, String expected, List<String> lost, String sql) {
        @Override
        public String toString() {
            return name + " → " + expected;
        }
    }

    @BeforeAll
    static void start() {
        targets = new TargetDatabases().rentalStore();
        sandboxes = Sandboxes.embedded();
        roundTrip = new RoundTrip(targets.environments(), sandboxes);
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        targets.close();
    }

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in =
                RentalStoreRoundTripTest.class.getResourceAsStream("/rollback/rental-store-migrations.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        Matcher m = HEADER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            cases.add(new Case(
                    m.group(1),
                    m.group(2),
                    m.group(3) == null ? List.of() : Arrays.asList(m.group(3).split(",\\s*")),
                    ""));
        }
        for (int i = 0; i < cases.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            Case c = cases.get(i);
            cases.set(
                    i,
                    new Case(
                            c.name(),
                            c.expected(),
                            c.lost(),
                            text.substring(spans.get(i)[1], end).strip()));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRollbackGivesTheSchemaAndTheRowsBack(Case c) {
        RoundTripReport report = roundTrip.run(
                "rental", List.of(new MigrationUnit(c.name() + ".sql", 1, c.sql(), true, "plain", "up")), 40);
        String shown = c.name() + "\n" + report.toText();
        assertThat(report.cloneDifferences()).as(shown).isEmpty();
        assertThat(report.verdict()).as(shown).isEqualTo(c.expected());
        assertThat(report.differences()).as(shown).isEmpty();
        assertThat(report.reapplicable()).as(shown).isTrue();
        assertThat(report.data()).as("every table with rows is checked").hasSizeGreaterThan(10);
        for (RoundTripReport.TableData table : report.data()) {
            boolean tableLost = c.lost().contains(table.table());
            List<String> columnsLost = c.lost().stream()
                    .filter(l -> l.startsWith(table.table() + "."))
                    .map(l -> l.substring(table.table().length() + 1))
                    .toList();
            if (tableLost) {
                assertThat(table.restored()).as(shown + table).isFalse();
            } else if (!columnsLost.isEmpty()) {
                assertThat(table.lostColumns()).as(shown + table).containsExactlyElementsOf(columnsLost);
                assertThat(table.rowsAfter()).as(shown + table).isEqualTo(table.rowsBefore());
            } else {
                assertThat(table.restored()).as(shown + table).isTrue();
            }
        }
        if (c.expected().equals("verified-with-data-loss")) {
            assertThat(report.dataLoss()).as(shown).isNotEmpty();
        }
    }

    @Test
    void askedForTheExactColumnOrderTheRollbackMakesTheTableAgainWithItsRowsAndEverythingOnIt() {
        RoundTripReport report = roundTrip.run(
                "rental",
                List.of(new MigrationUnit(
                        "drop.sql", 1, "ALTER TABLE public.customer DROP COLUMN email;", true, "plain", "up")),
                new RoundTrip.Options(40, true));
        String shown = report.toText();
        if (System.getProperty("show.rebuild") != null) {
            System.out.println(shown);
        }
        assertThat(report.verdict()).as(shown).isEqualTo("verified-with-data-loss");
        assertThat(report.notes())
                .as(shown)
                .noneMatch(n -> n.startsWith("column order differs"))
                .anySatisfy(
                        n -> assertThat(n).startsWith("restoring the column order of public.customer makes it again"));
        assertThat(report.rollbackSql())
                .contains(
                        "ALTER TABLE public.customer RENAME TO",
                        "INSERT INTO public.customer (",
                        "ALTER SEQUENCE public.customer_customer_id_seq OWNED BY NONE",
                        "DROP TABLE public.\"customer_before_rebuild\"",
                        "ALTER TABLE ONLY public.rental ADD CONSTRAINT rental_customer_id_fkey");
        RoundTripReport.TableData customers = report.data().stream()
                .filter(t -> t.table().equals("public.customer"))
                .findFirst()
                .orElseThrow();
        assertThat(customers.lostColumns()).as(shown).containsExactly("email");
        assertThat(customers.rowsAfter()).isEqualTo(customers.rowsBefore());
        assertThat(report.data())
                .filteredOn(t -> !t.table().equals("public.customer"))
                .allSatisfy(t -> assertThat(t.restored()).isTrue());
    }
}
