package dev.schemaguard.server.cli;

import dev.schemaguard.tools.ProgressListener;

import java.io.PrintStream;

/**
 * Progress of long work (a first scan of a large code base) on stderr, rewritten in place, for a person at a terminal.
 * Scripts and CI (no console) get nothing: their stderr stays for errors.
 */
final class TerminalProgress implements ProgressListener {

    private final PrintStream err;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    static ProgressListener forThisProcess() {
        return System.console() == null ? ProgressListener.NONE : new TerminalProgress(System.err);
    }

    @Override
    public synchronized void progress(int done, int total, String message) {
        err.print("\rschemaguard: " + TerminalText.safe(message) + "\u001b[K"); // \e[K: clear what a longer line left
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
