package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationSizeTest {

    @Test
    void aMigrationOfMoreStatementsThanOneSandboxRunTakesIsRefusedNamingTheFileWhereItCrossed() {
        MigrationUnit first = unit("V1__a.sql", "SELECT 1;\n".repeat(6_000));
        MigrationUnit second = unit("V2__b.sql", "SELECT 1;\n".repeat(4_000));
        assertThatCode(() -> MigrationSize.requireWithinLimits(List.of(first, second)))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> MigrationSize.requireWithinLimits(List.of(first, second, unit("V3__c.sql", "SELECT 1;"))))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("more than 10000 statements (at V3__c.sql)");
    }

    @Test
    void aMigrationOfMoreTextThanOneSandboxRunTakesIsRefused() {
        String comment = "-- " + "x".repeat(8_000_000) + "\n";
        assertThatThrownBy(() -> MigrationSize.requireWithinLimits(
                        List.of(unit("V1__a.sql", comment), unit("V2__b.sql", comment + comment))))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("more than 16000000 characters (at V2__b.sql)");
    }

    private static MigrationUnit unit(String file, String sql) {
        return new MigrationUnit(file, 1, sql, true, "flyway", "up");
    }
}
