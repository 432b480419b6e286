package dev.schemaguard.sandbox.dryrun;

import dev.schemaguard.sandbox.EmbeddedPostgresServer;
import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.ServerHostForTests;
import dev.schemaguard.sandbox.fixtures.TargetDatabases;
import dev.schemaguard.tools.Cancellation;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A call whose client went away stops: the statement running in the sandbox is cancelled in PostgreSQL (its backend
 * is gone from the sandbox server, judged there), the work ends as cancelled, and the next call runs normally.
 */
@Tag("database")
class CancelledDryRunTest {

    private static TargetDatabases targets;
    private static EmbeddedPostgresServer sandboxServer;
    private static Sandboxes sandboxes;

    @BeforeAll
    static void start() {
        targets = new TargetDatabases().load("sleepy", "CREATE TABLE public.t (id int PRIMARY KEY)");
        sandboxServer = ServerHostForTests.startSandboxServer();
        sandboxes = ServerHostForTests.sandboxesOn(sandboxServer);
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        sandboxServer.close();
        targets.close();
    }

    @Test
    void aCancelledCallStopsTheStatementRunningInTheSandbox() throws Exception {
        DryRun dryRun = new DryRun(targets.environments(), sandboxes);
        dryRun.run(
                "sleepy", List.of(unit("SELECT 1;"))); // the template is built: what follows times the statement alone
        Cancellation call = new Cancellation();
        long started = System.nanoTime();
        CompletableFuture<DryRunReport> running = CompletableFuture.supplyAsync(
                () -> call.runAs(
                        () -> dryRun.run(
                                "sleepy",
                                List.of(
                                        unit(
                                                "INSERT INTO public.t VALUES (1);\nSELECT pg_sleep(120);\nINSERT INTO public.t VALUES (2);")))));
        awaitSleeping(true, running);
        call.cancel("the client went away");

        assertThatThrownBy(() -> running.get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(Cancellation.Cancelled.class)
                .hasMessageContaining("the client went away");
        assertThat((System.nanoTime() - started) / 1_000_000_000)
                .as("seconds, of a 120 s sleep")
                .isLessThan(20);
        awaitSleeping(false, running);

        DryRunReport next = dryRun.run("sleepy", List.of(unit("INSERT INTO public.t VALUES (3);")));
        assertThat(next.verdict()).isEqualTo("ok");
    }

    /** Waits until a backend of the sandbox server is (or no longer is) in pg_sleep. */
    private static void awaitSleeping(boolean sleeping, CompletableFuture<DryRunReport> running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Connection c = sandboxServer.connect("postgres");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(120)%' AND state = 'active'")) {
                rs.next();
                if ((rs.getInt(1) > 0) == sleeping) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "the sandbox server " + (sleeping ? "never ran" : "still runs") + " the sleeping statement"
                        + (running.isDone() && !running.isCompletedExceptionally()
                                ? "; the dry run answered:\n" + running.get().toText()
                                : ""));
    }

    private static MigrationUnit unit(String sql) {
        return new MigrationUnit("slow.sql", 1, sql, true, "plain", "up");
    }
}
