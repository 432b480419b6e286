package dev.schemaguard.tools;

import dev.schemaguard.tools.lint.input.MigrationSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a server under its own identity reads for an agent: nothing outside its directories, by include or by link. */
class ReadConfinementTest {

    @TempDir
    Path dir;

    @AfterEach
    void lift() {
        ReadConfinement.lift();
    }

    private Path layout() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.sql"), "-- TOP SECRET db password hunter2\nSELECT 1;\n");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("changelog.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><sqlFile path="../outside/secret.sql" relativeToChangelogFile="true"/></changeSet>
                </databaseChangeLog>
                """);
        Path migrations = Files.createDirectories(root.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id int);\n");
        Files.createSymbolicLink(migrations.resolve("V2__b.sql"), outside.resolve("secret.sql"));
        return root;
    }

    @Test
    void anIncludeOrALinkThatLeadsOutsideIsNotReadAndItsTextIsNotShown() throws IOException {
        Path root = layout();
        ReadConfinement.confineTo(List.of(root));
        assertThatThrownBy(() -> MigrationSources.read(
                        List.of(root.resolve("changelog.xml").toString()), true))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("outside the directories")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() ->
                        MigrationSources.read(List.of(root.resolve("migrations").toString()), true))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("V2__b.sql")
                .hasMessageNotContaining("hunter2");
        assertThat(MigrationSources.read(
                        List.of(root.resolve("migrations/V1__a.sql").toString()), true))
                .hasSize(1);
    }

    @Test
    void unconfinedAsForAPersonAtTheCliBothAreRead() throws IOException {
        Path root = layout();
        assertThat(MigrationSources.read(List.of(root.resolve("migrations").toString()), true))
                .hasSize(2);
        assertThat(MigrationSources.read(List.of(root.resolve("changelog.xml").toString()), true)
                        .get(0)
                        .sql())
                .contains("hunter2");
    }
}
