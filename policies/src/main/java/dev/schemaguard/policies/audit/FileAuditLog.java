package dev.schemaguard.policies.audit;

import dev.schemaguard.tools.ToolException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit log in a file: one JSON object per line, each carrying the SHA-256 of the line before it, so editing
 * or deleting any entry breaks the chain ({@link #verify()}). A head file holds the last entry's number and hash, so
 * cutting entries off the end is detected too. Appends are serialised across processes (the server and the CLI) by a
 * file lock and forced to disk before they return.
 *
 * <p>What it cannot do on its own: someone who can write both files can rewrite the whole chain consistently. Keep the
 * state directory where the agent cannot write (see docs/threat-model.md) and export the log elsewhere.
 */
public final class FileAuditLog implements AuditLog {

    public static final String FILE = "audit.jsonl";
    private static final String HEAD = "audit.head";

    private final Path file;
    private final Path head;
    private final Clock clock;

    public FileAuditLog(Path stateDir, Clock clock) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new ToolException("Cannot create the state directory " + stateDir + ": "
                    + (e instanceof java.nio.file.AccessDeniedException
                            ? "permission denied — it belongs to the schemaguard server's own user"
                            : e.getMessage()));
        }
        this.file = stateDir.resolve(FILE);
        this.head = stateDir.resolve(HEAD);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    @Override
    public String location() {
        return file.toString();
    }

    /**
     * Appends one event. {@code fields} are written after the standard ones (seq, time, event, actor); values are data
     * and are escaped as JSON strings, whatever they hold.
     */
    @Override
    public void append(String event, String actor, Map<String, ?> fields) {
        ProcessFileLock.with(file.resolveSibling("audit.lock"), () -> {
            appendLocked(event, actor, fields);
            return null;
        });
    }

    private void appendLocked(String event, String actor, Map<String, ?> fields) {
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Last last = lastEntry(channel);
            refuseIfCut(last);
            long torn = channel.size() - last.endOffset;
            String note = torn > 0
                    ? "an incomplete line of " + torn + " bytes, left by a crash during an earlier write, was cut off"
                    : null;
            AuditLogFormat.Entry entry = AuditLogFormat.entry(
                    last.seq + 1, clock.instant().toString(), event, actor, fields, last.hash, note);
            String line = entry.line() + "\n";
            String hash = entry.hash();
            channel.position(last.endOffset);
            channel.truncate(last.endOffset);
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            Path tmp = head.resolveSibling(HEAD + ".tmp");
            Files.writeString(tmp, (last.seq + 1) + " " + hash + "\n");
            try (FileChannel h = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                h.force(true);
            }
            Files.move(
                    tmp,
                    head,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // An action whose audit entry cannot be written must not go ahead: callers let this propagate.
            throw new ToolException("Cannot write the audit log " + file + ": " + e.getMessage()
                    + ". Nothing was done: every guarded action is recorded first.");
        }
    }

    private record Last(long seq, String hash, long endOffset) {}

    /**
     * The last complete entry must be the one the head records: a crash during a write leaves a torn line after it and
     * the head untouched, so the two still agree. When they do not, entries were cut off (perhaps with a fragment left
     * to look like a crash): nothing is appended — which would hide the cut — and nothing is done.
     */
    private void refuseIfCut(Last last) throws IOException {
        Long headSeq = null;
        String headHash = null;
        if (Files.exists(head)) {
            String[] h = Files.readString(head).trim().split(" ");
            try {
                headSeq = Long.parseLong(h[0]);
                headHash = h.length > 1 ? h[1] : "";
            } catch (NumberFormatException e) {
                throw new IOException("its head record " + head + " is not readable; run 'schemaguard audit verify'");
            }
        }
        boolean agree = headSeq == null ? last.seq == 0 : headSeq == last.seq && headHash.equals(last.hash);
        if (!agree) {
            throw new IOException(
                    "it ends at entry " + last.seq + " but its head record says entry "
                            + (headSeq == null ? "(none)" : headSeq)
                            + ": entries were cut off or the log was replaced; run 'schemaguard audit verify' and restore it from your export");
        }
    }

    /** The last complete entry; a torn final line (a crash during a write that never returned) is cut off. */
    private Last lastEntry(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Last(0, AuditLogFormat.GENESIS, 0);
        }
        // Read the tail only, growing the window until it holds the last complete line.
        for (long window = Math.min(size, 64 * 1024); ; window = Math.min(size, window * 4)) {
            byte[] tail = new byte[(int) window];
            channel.read(ByteBuffer.wrap(tail), size - window);
            int end = tail.length;
            while (end > 0 && tail[end - 1] != '\n') {
                end--;
            }
            int start = end - 1;
            while (start > 0 && tail[start - 1] != '\n') {
                start--;
            }
            boolean complete = end > 0 && (start > 0 || window == size);
            if (end == 0 && window == size) {
                return new Last(0, AuditLogFormat.GENESIS, 0);
            }
            if (complete) {
                return parseLast(new String(tail, start, end - 1 - start, StandardCharsets.UTF_8), size - window + end);
            }
        }
    }

    private Last parseLast(String line, long endOffset) throws IOException {
        String hash = AuditLogFormat.hashOf(line);
        if (hash == null) {
            throw new IOException("its last line is not an audit entry; run 'schemaguard audit verify'");
        }
        return new Last(AuditLogFormat.seqOf(line), hash, endOffset);
    }

    @Override
    public Verification verify() {
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            if (Files.exists(head)) {
                problems.add(file + " is missing but " + head + " says entries were written");
            }
            return new Verification(problems.isEmpty(), 0, problems);
        }
        List<String> lines;
        try {
            String text = Files.readString(file);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                problems.add("the last line is incomplete (a crash during a write); it is not part of the log");
                text = text.substring(0, text.lastIndexOf('\n') + 1);
            }
            lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (IOException e) {
            return new Verification(false, 0, List.of("cannot read " + file + ": " + e.getMessage()));
        }
        Long headSeq = null;
        String headHash = null;
        try {
            if (Files.exists(head)) {
                String[] h = Files.readString(head).trim().split(" ");
                headSeq = Long.parseLong(h[0]);
                headHash = h[1];
            }
        } catch (IOException | RuntimeException e) {
            problems.add("cannot read " + head + ": " + e.getMessage());
        }
        return AuditLogFormat.verify(lines, headSeq, headHash, problems);
    }

    /** Every entry, as JSON lines, for export to a log store. */
    @Override
    public List<String> export() {
        try {
            return Files.exists(file)
                    ? Files.readAllLines(file).stream()
                            .filter(l -> !l.isBlank())
                            .toList()
                    : List.of();
        } catch (IOException e) {
            throw new ToolException("Cannot read the audit log " + file + ": " + e.getMessage());
        }
    }
}
