package dev.schemaguard.server.mcp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * stdout is the MCP wire in stdio mode, so nothing else may write to it. At start-up the real stdout is kept here for
 * the transport (and for the CLI's results), and {@code System.out} is pointed at stderr, so that a library or a
 * forgotten print can never corrupt the protocol.
 */
public final class StandardStreams {

    private static final OutputStream WIRE = new FileOutputStream(FileDescriptor.out);
    private static volatile boolean guarded;

    private StandardStreams() {}

    public static synchronized void guardStdout() {
        if (!guarded) {
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
            guarded = true;
        }
    }

    /** The process's real stdout. */
    public static OutputStream wire() {
        return WIRE;
    }
}
