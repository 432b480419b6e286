package dev.schemaguard.tools.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTokensTest {

    private static List<String> words(String sql) {
        return SqlTokens.tokenize(sql).stream()
                .filter(t -> t.type() == SqlTokens.Type.WORD)
                .map(SqlTokens.Token::value)
                .toList();
    }

    @Test
    void aLineCommentEndsAtACarriageReturnAsInPostgres() {
        assertThat(words("SELECT 1 --hidden\rDELETE FROM t")).containsExactly("SELECT", "DELETE", "FROM", "T");
    }

    @Test
    void anEAtTheEndOfAWordDoesNotStartAnEscapeString() {
        // name'\' is the type name and a string holding one backslash; what follows is still read
        assertThat(words("SELECT name'\\' , 1 FROM t WHERE x = 'a'; DROP TABLE t"))
                .contains("DROP", "TABLE");
        assertThat(SqlTokens.tokenize("SELECT E'\\' ; DROP'").stream()
                        .filter(t -> t.type() == SqlTokens.Type.STRING)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void onlyPostgresWhitespaceSeparatesWords() {
        assertThat(words("SELECT a\u00a0b")).containsExactly("SELECT", "A\u00a0B");
    }
}
