package dev.schemaguard.tools.deps.code;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SqlReferencesTest {

    /** The one-pattern definition looksLikeSql had: the oracle for its faster two-step form. */
    private static final Pattern DEFINITION = Pattern.compile(
            "(?is)^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE)\\b.*\\b(FROM|INTO|SET|USING|VALUES)\\b.*");

    @Test
    void readsAsSqlWhenAStatementWordIsFollowedByAClauseWord() {
        assertThat(SqlReferences.looksLikeSql("SELECT email FROM customers")).isTrue();
        assertThat(SqlReferences.looksLikeSql("\n  update orders\nset status = ?"))
                .isTrue();
        assertThat(SqlReferences.looksLikeSql("insert into t values (1)")).isTrue();
        assertThat(SqlReferences.looksLikeSql("Select a product from the list"))
                .as("reads like SQL: the known false positive kind")
                .isTrue();
        assertThat(SqlReferences.looksLikeSql("SELECTED FROM x")).isFalse();
        assertThat(SqlReferences.looksLikeSql("select_from")).isFalse();
        assertThat(SqlReferences.looksLikeSql("FROM t SELECT")).isFalse();
        assertThat(SqlReferences.looksLikeSql("SELECT 1")).isFalse();
        assertThat(SqlReferences.looksLikeSql(null)).isFalse();
    }

    @Property(tries = 3000)
    void agreesWithItsDefinition(@ForAll("sqlish") String text) {
        assertThat(SqlReferences.looksLikeSql(text))
                .as(text)
                .isEqualTo(DEFINITION.matcher(text).matches());
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> words = Arbitraries.of(
                "SELECT", "select", "from", "FROM", "into", "set", "SETS", "using", "values", "with", "merge", "x", "_",
                "$", "a1", "delete", "update", "insert", "FROMAGE", "xfrom");
        Arbitrary<String> gaps = Arbitraries.of(" ", "", "\n", "\t", "(", ".", ",", "  ");
        return Arbitraries.oneOf(words, gaps).list().ofMaxSize(8).map(parts -> String.join("", parts));
    }
}
