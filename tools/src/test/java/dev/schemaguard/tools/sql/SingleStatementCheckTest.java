package dev.schemaguard.tools.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SingleStatementCheckTest {

    @Test
    void theDriverMustSeeExactlyOneStatementWhereTheGuardSawOne() {
        assertThat(SingleStatementCheck.problem("SELECT 1")).isNull();
        assertThat(SingleStatementCheck.problem("SELECT $x$ ; $x$")).isNull();
        assertThat(SingleStatementCheck.problem("SELECT 'a;b' /* ; */ -- ;\n")).isNull();
        assertThat(SingleStatementCheck.problem("SELECT 1; DROP TABLE customers"))
                .contains("reads 2 statements");
        assertThat(SingleStatementCheck.problem("SELECT 1;;DROP TABLE customers;"))
                .contains("reads 2 statements");
    }
}
