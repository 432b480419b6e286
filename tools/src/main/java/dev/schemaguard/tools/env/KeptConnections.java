package dev.schemaguard.tools.env;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Read-only connections kept between catalog reads of an environment, for a long-running server. A PostgreSQL backend
 * caches the catalog rows it has read: a new connection reads 10,000 tables' catalog about 1.6 times as slowly as one
 * that read it before (docs/benchmarks.md). Each kept connection is checked before it is lent (a dead server is never
 * hidden), lent to one reader at a time, rolled back when it comes back, and closed once unused for {@code idle}.
 */
final class KeptConnections implements AutoCloseable {

    /** Connections kept per environment: a comparison of an environment with itself reads it twice at once. */
    private static final int PER_ENVIRONMENT = 2;

    private record Idle(Connection connection, long since) {}

    private final Duration idle;
    private final Map<String, Deque<Idle>> byEnvironment = new HashMap<>();
    private final ScheduledExecutorService sweeper;
    /** Closed: nothing is kept any more, a connection given back is closed (a database stopping waits for none). */
    private boolean closed;

    KeptConnections(Duration idle) {
        this.idle = idle;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "schemaguard-kept-connections");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, idle.toMillis() / 2);
        sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /** A kept connection to {@code environment} that still answers, or null: the caller opens a new one. */
    Connection take(String environment) {
        while (true) {
            Idle kept;
            synchronized (this) {
                Deque<Idle> idleOnes = byEnvironment.get(environment);
                kept = idleOnes == null ? null : idleOnes.pollFirst();
            }
            if (kept == null) {
                return null;
            }
            if (answers(kept.connection())) {
                return kept.connection();
            }
            close(kept.connection());
        }
    }

    /** {@code connection}'s transaction is over (rolled back): kept for the next read, or closed if enough are kept. */
    void giveBack(String environment, Connection connection) {
        synchronized (this) {
            Deque<Idle> idleOnes = byEnvironment.computeIfAbsent(environment, e -> new ArrayDeque<>());
            if (!closed && idleOnes.size() < PER_ENVIRONMENT) {
                idleOnes.addFirst(new Idle(connection, System.nanoTime()));
                return;
            }
        }
        close(connection);
    }

    /** How many connections are kept, unused, for {@code environment}. */
    synchronized int idleCount(String environment) {
        Deque<Idle> idleOnes = byEnvironment.get(environment);
        return idleOnes == null ? 0 : idleOnes.size();
    }

    void closeIdle() {
        long now = System.nanoTime();
        Deque<Connection> expired = new ArrayDeque<>();
        synchronized (this) {
            for (Deque<Idle> idleOnes : byEnvironment.values()) {
                for (Iterator<Idle> i = idleOnes.iterator(); i.hasNext(); ) {
                    Idle kept = i.next();
                    if (now - kept.since() >= idle.toNanos()) {
                        expired.add(kept.connection());
                        i.remove();
                    }
                }
            }
        }
        expired.forEach(KeptConnections::close);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        Deque<Connection> all = new ArrayDeque<>();
        synchronized (this) {
            closed = true;
            byEnvironment.values().forEach(idleOnes -> idleOnes.forEach(kept -> all.add(kept.connection())));
            byEnvironment.clear();
        }
        all.forEach(KeptConnections::close);
    }

    private static boolean answers(Connection connection) {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a connection given up on: nothing of it is needed any more
        }
    }
}
