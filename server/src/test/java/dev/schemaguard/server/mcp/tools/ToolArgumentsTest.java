package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.InputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolArgumentsTest {

    /** A 3.7 MB migration once made check_migration take 2.7 GB: the call is refused before any work starts. */
    @Test
    void aTextArgumentOverTheLimitIsRefusedWithTheLimitNamed() {
        String huge = "ALTER TABLE t ADD COLUMN c int;\n".repeat(ToolArguments.MAX_TEXT_CHARS / 20);
        ToolArguments args = new ToolArguments("check_migration", Map.of("sql", huge));
        assertThatThrownBy(() -> args.string("sql"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("parameter 'sql' holds " + huge.length() + " characters")
                .hasMessageContaining("at most " + ToolArguments.MAX_TEXT_CHARS);
        assertThat(new ToolArguments("check_migration", Map.of("sql", "SELECT 1;")).string("sql"))
                .isEqualTo("SELECT 1;");
    }
}
