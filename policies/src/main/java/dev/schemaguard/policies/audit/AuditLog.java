package dev.schemaguard.policies.audit;

import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.tools.ToolException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The append-only audit log: one JSON object per line, each carrying the SHA-256 of the line before it, so editing
 * or deleting any entry breaks the chain ({@link #verify()}). A head file holds the last entry's number and hash, so
 * cutting entries off the end is detected too. Appends are serialised across processes (the server and the CLI) by a
 * file lock and forced to disk before they return.
 *
 * <p>What it cannot do on its own: someone who can write both files can rewrite the whole chain consistently. Keep the
 * state directory where the agent cannot write (see docs/threat-model.md) and export the log elsewhere.
 */
public final class AuditLog {

    public static final String FILE = "audit.jsonl";
    private static final String HEAD = "audit.head";
    private static final String GENESIS = "0".repeat(64);
    private static final Pattern HASH_SUFFIX = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Path head;
    private final Clock clock;

    public AuditLog(Path stateDir, Clock clock) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new ToolException("Cannot create the state directory " + stateDir + ": " + e.getMessage());
        }
        this.file = stateDir.resolve(FILE);
        this.head = stateDir.resolve(HEAD);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one event. {@code fields} are written after the standard ones (seq, time, event, actor); values are data
     * and are escaped as JSON strings, whatever they hold.
     */
    public void append(String event, String actor, Map<String, ?> fields) {
        ProcessFileLock.with(file.resolveSibling("audit.lock"), () -> {
            appendLocked(event, actor, fields);
            return null;
        });
    }

    private void appendLocked(String event, String actor, Map<String, ?> fields) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Last last = lastEntry(channel);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seq", last.seq + 1);
            entry.put("time", clock.instant().toString());
            entry.put("event", event);
            entry.put("actor", actor);
            entry.putAll(fields);
            long torn = channel.size() - last.endOffset;
            if (torn > 0) {
                entry.put("recovered", "an incomplete line of " + torn + " bytes, left by a crash during an earlier write, was cut off");
            }
            entry.put("prev", last.hash);
            String body = JSON.writeValueAsString(entry);
            String hash = ExplainPolicy.sha256(last.hash + "\n" + body);
            String line = body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
            channel.position(last.endOffset);
            channel.truncate(last.endOffset);
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            Path tmp = head.resolveSibling(HEAD + ".tmp");
            Files.writeString(tmp, (last.seq + 1) + " " + hash + "\n");
            try (FileChannel h = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                h.force(true);
            }
            Files.move(tmp, head, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // An action whose audit entry cannot be written must not go ahead: callers let this propagate.
            throw new ToolException("Cannot write the audit log " + file + ": " + e.getMessage()
                    + ". Nothing was done: every guarded action is recorded first.");
        }
    }

    private record Last(long seq, String hash, long endOffset) {
    }

    /** The last complete entry; a torn final line (a crash during a write that never returned) is cut off. */
    private Last lastEntry(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Last(0, GENESIS, 0);
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
                return new Last(0, GENESIS, 0);
            }
            if (complete) {
                return parseLast(new String(tail, start, end - 1 - start, StandardCharsets.UTF_8), size - window + end);
            }
        }
    }

    private Last parseLast(String line, long endOffset) throws IOException {
        Matcher m = HASH_SUFFIX.matcher(line);
        if (!m.find()) {
            throw new IOException("its last line is not an audit entry; run 'schemaguard audit verify'");
        }
        long seq = JSON.readTree(line).path("seq").asLong();
        return new Last(seq, m.group(1), endOffset);
    }

    /** The outcome of checking the chain. */
    public record Verification(boolean intact, long entries, List<String> problems) {
    }

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
        String prev = GENESIS;
        long expectedSeq = 1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = HASH_SUFFIX.matcher(line);
            if (!m.find()) {
                problems.add("line " + (i + 1) + ": not an audit entry (no hash)");
                return new Verification(false, lines.size(), problems);
            }
            String body = line.substring(0, m.start()) + "}";
            String computed = ExplainPolicy.sha256(prev + "\n" + body);
            var node = JSON.readTree(body);
            if (node.path("seq").asLong() != expectedSeq) {
                problems.add("line " + (i + 1) + ": entry " + node.path("seq").asLong() + " where " + expectedSeq
                        + " was expected (an entry was deleted or moved)");
            }
            if (!node.path("prev").asString().equals(prev)) {
                problems.add("line " + (i + 1) + ": does not follow the entry before it (an entry was deleted, inserted or edited)");
            }
            if (!computed.equals(m.group(1))) {
                problems.add("line " + (i + 1) + ": its content does not match its hash (the entry was edited)");
            }
            prev = m.group(1);
            expectedSeq = node.path("seq").asLong() + 1;
        }
        try {
            if (Files.exists(head)) {
                String[] h = Files.readString(head).trim().split(" ");
                if (Long.parseLong(h[0]) != expectedSeq - 1 || !h[1].equals(prev)) {
                    problems.add("the log ends at entry " + (expectedSeq - 1) + " but " + HEAD + " records entry " + h[0]
                            + " (entries were cut off the end, or the log was replaced)");
                }
            } else if (!lines.isEmpty()) {
                problems.add(HEAD + " is missing");
            }
        } catch (IOException | RuntimeException e) {
            problems.add("cannot read " + head + ": " + e.getMessage());
        }
        return new Verification(problems.isEmpty(), lines.size(), problems);
    }

    /** Every entry, as JSON lines, for export to a log store. */
    public List<String> export() {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new ToolException("Cannot read the audit log " + file + ": " + e.getMessage());
        }
    }
}
