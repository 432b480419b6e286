package dev.schemaguard.tools.inspect;

import dev.schemaguard.tools.schema.Table;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging a schema much larger than one answer: every object exactly once, no page over its budget. */
@Tag("database")
class InspectSchemaPagingTest {

    private static final int TABLES = 300;
    private static InspectSchema inspect;

    @BeforeAll
    static void createManyTables() {
        TestDatabase db = TestPostgres.createDatabase("paging");
        db.execute("""
                DO $$
                BEGIN
                  FOR i IN 1..%d LOOP
                    EXECUTE format('CREATE TABLE public.t_%%s (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(10,2),
                                    created_at timestamptz DEFAULT now(), note text)', lpad(i::text, 4, '0'));
                    EXECUTE format('COMMENT ON TABLE public.t_%%s IS %%L', lpad(i::text, 4, '0'), 'table number ' || i);
                  END LOOP;
                END $$;
                CREATE VIEW public.v_first AS SELECT * FROM public.t_0001;
                """.formatted(TABLES));
        inspect = new InspectSchema(db.environments("big"), 20_000);
    }

    @ParameterizedTest(name = "{0} pages of at most {1} tokens")
    @CsvSource({"SUMMARY, 1000", "FULL, 1000", "FULL, 5000", "SUMMARY, 20000"})
    void everyObjectExactlyOnceAndNoPageOverBudget(InspectRequest.Detail detail, int budget) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            InspectResult page =
                    inspect.inspect(new InspectRequest("big", null, null, null, null, detail, cursor, budget));
            pages++;
            assertThat(PageSizer.JSON.writeValueAsString(page).length()
                            + page.toText().length())
                    .as("page %d size in characters", pages)
                    .isLessThanOrEqualTo(budget * PageSizer.CHARS_PER_TOKEN);
            assertThat(page.totals()).containsEntry("table", TABLES).containsEntry("view", 1);
            assertThat(page.returned()).isPositive();
            page.tables().stream().map(Table::qualifiedName).forEach(seen::add);
            if (detail == InspectRequest.Detail.FULL) {
                assertThat(page.tables())
                        .allSatisfy(t -> assertThat(t.columns()).hasSize(5));
            } else {
                assertThat(page.tables())
                        .allSatisfy(t -> assertThat(t.columns()).isNull());
            }
            cursor = page.nextCursor();
            assertThat(page.truncated()).isEqualTo(cursor != null);
            assertThat(pages).as("pages").isLessThan(400);
        } while (cursor != null);
        Set<String> unique = new HashSet<>(seen);
        assertThat(seen).hasSize(unique.size());
        assertThat(unique).hasSize(TABLES + 1).contains("public.t_0001", "public.t_0300", "public.v_first");
        if (budget <= 1000) {
            assertThat(pages).isGreaterThan(5);
        }
    }

    @ParameterizedTest(name = "auto detail with budget {0} → {1}")
    @CsvSource({"20000, summary", "1000000, full"})
    void withoutDetailFullIsUsedOnlyWhenEverythingFits(int budget, String expected) {
        InspectResult page = inspect.inspect(new InspectRequest("big", null, null, null, null, null, null, budget));
        assertThat(page.detail()).isEqualTo(expected);
        if (expected.equals("summary")) {
            assertThat(page.note()).contains("summary mode");
        }
    }
}
