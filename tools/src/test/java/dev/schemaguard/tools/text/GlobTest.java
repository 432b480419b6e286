package dev.schemaguard.tools.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @Test
    void starsQuestionMarksAndCaseAsPeopleTypeThem() {
        assertThat(Glob.matches("billing.*", "billing.invoices")).isTrue();
        assertThat(Glob.matches("BILLING.*", "billing.Invoices")).isTrue();
        assertThat(Glob.matches("prod-?", "prod-1")).isTrue();
        assertThat(Glob.matches("prod-?", "prod-12")).isFalse();
        assertThat(Glob.matches("*_archive", "orders_archive")).isTrue();
        assertThat(Glob.matches("a.b", "axb")).as("a dot is a dot").isFalse();
        assertThat(Glob.matches("ord*", null)).isFalse();
    }

    /** What took a backtracking regex minutes (and kept a thread busy after the client left). */
    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void manyStarsAgainstALongNameAnswerAtOnce() {
        String pattern = "a*".repeat(200) + "b";
        String name = "a".repeat(10_000);
        assertThat(Glob.matches(pattern, name)).isFalse();
    }

    @Property(tries = 2000)
    void agreesWithTheRegularExpressionItReplaces(
            @ForAll @StringLength(max = 8) @Chars({'a', 'b', '*', '?', '.'}) String glob,
            @ForAll @StringLength(max = 12) @Chars({'a', 'b', 'A', '.'}) String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        boolean expected = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(name)
                .matches();
        assertThat(Glob.matches(glob, name)).isEqualTo(expected);
    }
}
