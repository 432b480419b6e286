package dev.schemaguard.server.e2e;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet whichever way the program is launched: the packaged jar run directly with java -jar (not through the
 * ./schemaguard launcher) for a dry run, which starts an embedded PostgreSQL for its sandbox, prints its report and no
 * INFO line; with --verbose the INFO lines are there.
 */
@Tag("database")
class QuietByDefaultIT {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) throws Exception {
        Process p = new ProcessBuilder(ServerProcess.command(args))
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aDryRunFromTheJarPrintsItsReportAndNoInfoLines() throws Exception {
        TestDatabase db = TestPostgres.createDatabase("quiet");
        db.execute("CREATE TABLE t (id int PRIMARY KEY);");
        Path config = Files.writeString(dir.resolve("schemaguard.yaml"), """
                environments:
                  stage: {url: %s, user: postgres, protection: development}
                """.formatted(db.url()));
        Path migration = Files.writeString(dir.resolve("m.sql"), "ALTER TABLE t ADD COLUMN note text;\n");

        Run quiet = run("dry-run", "--env", "stage", migration.toString(), "--config", config.toString());
        assertThat(quiet.exit()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("ALTER TABLE t ADD COLUMN note text");
        assertThat(quiet.err().lines().filter(l -> l.contains("INFO")).toList())
                .as("no INFO line on the terminal")
                .isEmpty();

        Run verbose =
                run("dry-run", "--env", "stage", migration.toString(), "--config", config.toString(), "--verbose");
        assertThat(verbose.exit()).as(verbose.err()).isZero();
        assertThat(verbose.err()).as("--verbose shows them").contains("schemaguard: INFO: ");
        assertThat(verbose.out()).as("and stdout stays the report's").doesNotContain("INFO");
    }
}
