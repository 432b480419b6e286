package dev.schemaguard.tools;

/** Hears how far long work has come: e.g. statement 3 of 12. Implementations must not throw. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total, message) -> {};

    void progress(int done, int total, String message);
}
