package dev.schemaguard.tools.drift;

import dev.schemaguard.tools.InputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A large comparison read page by page within a budget: every difference and statement exactly once, in order. */
class ComparisonPageTest {

    private static CompareSchemas.Comparison comparison(int differences, int statements, String salt) {
        List<CompareSchemas.Difference> d = IntStream.range(0, differences)
                .mapToObj(i -> new CompareSchemas.Difference(
                        "table",
                        "app.t_" + i + salt,
                        "different",
                        List.of("name text".repeat(20)),
                        List.of("name varchar(20)".repeat(20))))
                .toList();
        List<String> s = IntStream.range(0, statements)
                .mapToObj(i -> "ALTER TABLE app.t_" + i + " ALTER COLUMN name TYPE text" + " ".repeat(200))
                .toList();
        return new CompareSchemas.Comparison(
                "a", "b", d, false, new Convergence("proven", s, List.of(), List.of(), List.of()));
    }

    @Test
    void pagesWithinTheBudgetCoverTheWholeComparisonOnce() {
        CompareSchemas.Comparison whole = comparison(300, 300, "");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ComparisonPage page = ComparisonPage.of(whole, 2_000, cursor);
            assertThat(page.totalDifferences()).isEqualTo(300);
            assertThat(page.toText().length())
                    .as("a page stays near its budget")
                    .isLessThan(2_000 * 4 + 1_000);
            page.comparison().differences().forEach(d -> seen.add(d.object()));
            page.comparison().convergence().statements().forEach(seen::add);
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        List<String> expected = new ArrayList<>(whole.differences().stream()
                .map(CompareSchemas.Difference::object)
                .toList());
        expected.addAll(whole.convergence().statements());
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isGreaterThan(10);
        assertThat(ComparisonPage.of(whole, 1_000_000, null).nextCursor())
                .as("all of it in one page when it fits")
                .isNull();
    }

    @Test
    void aCursorOfAnotherComparisonOrNoCursorAtAllIsRefused() {
        String cursor = ComparisonPage.of(comparison(300, 0, ""), 2_000, null).nextCursor();
        assertThatThrownBy(() -> ComparisonPage.of(comparison(300, 0, "x"), 2_000, cursor))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the comparison changed since that page");
        assertThatThrownBy(() -> ComparisonPage.of(comparison(3, 0, ""), 2_000, "not-a-cursor"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not a cursor this tool gave");
        assertThatThrownBy(() -> ComparisonPage.of(comparison(3, 0, ""), 10, null))
                .hasMessageContaining("at least 1000");
    }
}
