package dev.schemaguard.server.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden snapshots: a contract change (a tool's schema, a description) must show up as a diff in review. Run with
 * {@code -Dgolden.update=true} to accept a deliberate change, then commit the file.
 */
final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {}

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        String normalized = actual.replace("\r\n", "\n").strip() + "\n";
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.writeString(file, normalized, StandardCharsets.UTF_8);
            assertThat(Boolean.getBoolean("golden.update"))
                    .as("golden file %s was missing and has been written; commit it", file)
                    .isTrue();
        }
        assertThat(normalized)
                .as("tool contract differs from %s (run with -Dgolden.update=true to accept)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
