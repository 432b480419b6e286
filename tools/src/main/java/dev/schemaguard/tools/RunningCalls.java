package dev.schemaguard.tools;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool calls in progress, by the transport session they came in on and their JSON-RPC request id, so that a
 * transport can cancel one ({@code notifications/cancelled}) or all of a session's (its client went away). A
 * cancellation that arrives before its call has started is kept, and the call starts cancelled.
 */
public final class RunningCalls {

    /** Cancellations kept for calls not started yet, at most this many per process (a client could send any ids). */
    private static final int MAX_EARLY = 1000;

    private static final RunningCalls OF_THIS_PROCESS = new RunningCalls();

    /** Where transports put a call's session and request id for the tool that answers it (MCP transport context). */
    public static final String SESSION = "schemaguard.session";

    public static final String REQUEST_ID = "schemaguard.requestId";
    /** MCP's notification that a request is cancelled (the Java SDK has no constant for it). */
    public static final String CANCELLED = "notifications/cancelled";

    private final Map<Key, Cancellation> calls = new ConcurrentHashMap<>();

    /** The one registry the transports and tools of this server process share. */
    public static RunningCalls ofThisProcess() {
        return OF_THIS_PROCESS;
    }

    private record Key(String session, String requestId) {}

    /** The cancellation of the call {@code requestId} of {@code session}; close the returned call when it has answered. */
    public Call start(String session, String requestId) {
        if (session == null || requestId == null) {
            return new Call(new Cancellation(), () -> {}); // a transport that names no request: nothing can cancel it
        }
        Key key = new Key(session, requestId);
        Cancellation cancellation = calls.computeIfAbsent(key, k -> new Cancellation());
        return new Call(cancellation, () -> calls.remove(key, cancellation));
    }

    public void cancel(String session, String requestId, String why) {
        if (calls.size() >= MAX_EARLY && !calls.containsKey(new Key(session, requestId))) {
            return;
        }
        calls.computeIfAbsent(new Key(session, requestId), k -> new Cancellation())
                .cancel(why);
    }

    /** Cancels every call of {@code session} and forgets the cancellations kept for it. */
    public void cancelAll(String session, String why) {
        calls.entrySet().removeIf(e -> {
            if (e.getKey().session().equals(session)) {
                e.getValue().cancel(why);
                return true;
            }
            return false;
        });
    }

    /** A call in progress. */
    public record Call(Cancellation cancellation, Runnable end) implements AutoCloseable {
        @Override
        public void close() {
            end.run();
        }
    }
}
