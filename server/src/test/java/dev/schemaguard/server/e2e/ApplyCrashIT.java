package dev.schemaguard.server.e2e;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process applying a migration is killed (SIGKILL) in the middle of it: nothing of the migration stays applied,
 * the audit log still verifies and shows the apply that never finished, and the same migration can be applied later.
 */
@Tag("database")
class ApplyCrashIT {

    @TempDir
    Path dir;

    @Test
    void aKilledApplyLeavesNothingHalfAppliedAndNothingLostFromTheAudit() throws Exception {
        TestDatabase db = TestPostgres.createDatabase("crash");
        db.execute("CREATE TABLE t (id int PRIMARY KEY);");
        Path config = Files.writeString(dir.resolve("schemaguard.yaml"), """
                environments:
                  stage:
                    url: %s
                    user: postgres
                    protection: development
                guard:
                  state-dir: %s
                """.formatted(db.url(), dir.resolve("state")));
        Path migration =
                Files.writeString(dir.resolve("m.sql"), "ALTER TABLE t ADD COLUMN x int;\nSELECT pg_sleep(60);\n");

        Process apply = new ProcessBuilder(ServerProcess.command(
                        "apply", migration.toString(), "--env", "stage", "--config", config.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        waitUntil(
                () -> count(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'") == 1,
                60);
        apply.destroyForcibly();
        assertThat(apply.waitFor(30, TimeUnit.SECONDS)).isTrue();
        waitUntil(
                () -> count(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'") == 0,
                30);

        assertThat(count(
                        db,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'x'"))
                .as("the ALTER ran before the kill, in the migration's transaction")
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM schemaguard.schemaguard_history"))
                .isZero();
        String verify = cli("audit", "verify", "--config", config.toString());
        assertThat(verify).contains("intact");
        String audit = cli("audit", "export", "--config", config.toString());
        assertThat(audit).contains("\"event\":\"apply.started\"").doesNotContain("\"event\":\"apply.finished\"");

        Files.writeString(migration, "ALTER TABLE t ADD COLUMN x int;\n");
        assertThat(cli("apply", migration.toString(), "--env", "stage", "--config", config.toString()))
                .startsWith("APPLIED");
        assertThat(cli("audit", "verify", "--config", config.toString())).contains("intact");
    }

    interface Condition {
        boolean holds() throws SQLException;
    }

    static void waitUntil(Condition condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String cli(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ServerProcess.command(args))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
