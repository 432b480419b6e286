package dev.schemaguard.server.mcp;

import dev.schemaguard.policies.query.RunQuery;
import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.config.EnvironmentConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.List;

/**
 * Each environment's run_query reader is checked when the server has started (in the background: a database that is
 * down must not delay the MCP handshake): a reader that can do more than read is said in the log then, not at the
 * first query it would refuse.
 */
public final class ReaderCheckAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderCheckAtStart.class);

    private final ServerRuntime runtime;
    private final RunQuery runQuery;

    public ReaderCheckAtStart(ServerRuntime runtime, RunQuery runQuery) {
        this.runtime = runtime;
        this.runQuery = runQuery;
    }

    /** The server is stopping: a check the stop cut short says nothing of the reader. */
    private volatile boolean stopping;

    // before the listener that stops the databases (it has no order, so it comes after this one)
    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    public void stopping() {
        stopping = true;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void checkInTheBackground() {
        Thread thread = new Thread(this::check, "schemaguard-reader-check");
        thread.setDaemon(true);
        thread.start();
    }

    void check() {
        for (String environment : runtime.environmentNames()) {
            EnvironmentConfig env = runtime.environments().get(environment);
            if (env.reader() == null) {
                continue;
            }
            List<String> problems = runQuery.readerProblems(environment);
            if (stopping) {
                return;
            }
            if (problems.isEmpty()) {
                LOG.info(
                        "environment {}: run_query's reader {} can only read",
                        environment,
                        env.reader().user());
            } else {
                LOG.warn(
                        "environment {}: run_query will refuse to run there until its reader is fixed: {}",
                        environment,
                        String.join("; ", problems));
            }
        }
    }
}
