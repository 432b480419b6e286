package dev.schemaguard.tools;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Whether the caller of a tool still wants its answer. A transport cancels a call when its client says so
 * ({@code notifications/cancelled}) or goes away (stdin closed, HTTP session deleted); long work checks
 * {@link #throwIfCancelled()} between steps and registers {@link #onCancel(Runnable) hooks} that stop what blocks (a
 * statement running in a sandbox). The call in progress on a thread is {@link #current()}: work does not pass it along.
 */
public final class Cancellation {

    /** For work no caller can cancel (the CLI: Ctrl-C ends the process). */
    public static final Cancellation NEVER = new Cancellation();

    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile String reason;

    /** The call this thread works for, or {@link #NEVER}. */
    public static Cancellation current() {
        Cancellation current = CURRENT.get();
        return current == null ? NEVER : current;
    }

    /** Runs {@code work} as part of this call: {@link #current()} is this within it. */
    public <T> T runAs(Supplier<T> work) {
        Cancellation before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** Cancels the call, once; the hooks registered so far run now, on the caller's thread. */
    public void cancel(String why) {
        if (this == NEVER) {
            return;
        }
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
        }
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException ignored) {
                // a hook stops what it can; the work sees the cancellation at its next check anyway
            }
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** @throws Cancelled when the caller no longer wants the answer */
    public void throwIfCancelled() {
        String why = reason;
        if (why != null) {
            throw new Cancelled(why);
        }
    }

    /**
     * Runs {@code hook} when the call is cancelled while the returned registration is open (at once if it already is);
     * close the registration when what the hook would stop has finished.
     */
    public Registration onCancel(Runnable hook) {
        if (this == NEVER) {
            return () -> {};
        }
        hooks.add(hook);
        if (isCancelled()) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** A hook's registration; closing it never throws. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The work stopped because its caller cancelled it or went away. */
    public static final class Cancelled extends ToolException {
        public Cancelled(String why) {
            super("Cancelled: " + why + ". Nothing was changed outside the sandbox.");
        }
    }
}
