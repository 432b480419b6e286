package dev.schemaguard.server.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The CLI's standard output: a writer for text, and the byte stream under it for output that is already UTF-8 (a
 * large {@code lint --format json} report), which then skips the writer's char conversion.
 */
final class CliOutput extends PrintWriter {

    private final OutputStream bytes;

    CliOutput(OutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        this.bytes = bytes;
    }

    /** The byte stream, after whatever text was written before has been flushed to it. */
    OutputStream bytes() {
        flush();
        return bytes;
    }
}
