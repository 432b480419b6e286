package dev.schemaguard.sandbox;

import dev.schemaguard.tools.testing.DatabaseTier;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every test of this module that reaches a database says so (@Tag("database")): mvn test -Pfast leaves it out. */
class DatabaseTestsAreTaggedTest {

    @Test
    void everyTestThatReachesADatabaseIsTagged() {
        assertThat(DatabaseTier.untagged(Path.of("target", "test-classes")))
                .as("add @Tag(\"database\") to these")
                .isEmpty();
    }
}
