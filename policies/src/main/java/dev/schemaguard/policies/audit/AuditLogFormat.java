package dev.schemaguard.policies.audit;

import dev.schemaguard.policies.policy.ExplainPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The chain's format, shared by every store: how an entry line is made and how a sequence of lines is checked. */
public final class AuditLogFormat {

    public static final String GENESIS = "0".repeat(64);
    private static final Pattern HASH_SUFFIX = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditLogFormat() {}

    public record Entry(long seq, String line, String hash) {}

    /** The line for entry {@code seq}: the JSON object with {@code prev}, then its own hash as the last field. */
    public static Entry entry(
            long seq, String time, String event, String actor, Map<String, ?> fields, String prev, String note) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", seq);
        entry.put("time", time);
        entry.put("event", event);
        entry.put("actor", actor);
        entry.putAll(fields);
        if (note != null) {
            entry.put("recovered", note);
        }
        entry.put("prev", prev);
        String body = JSON.writeValueAsString(entry);
        String hash = ExplainPolicy.sha256(prev + "\n" + body);
        return new Entry(seq, body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}", hash);
    }

    /** The hash a line ends with, or null when it is not an entry. */
    static String hashOf(String line) {
        Matcher m = HASH_SUFFIX.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    static long seqOf(String line) {
        return JSON.readTree(line).path("seq").asLong();
    }

    /**
     * Checks the lines in order; {@code headSeq}/{@code headHash} (null when there is no head record) catch entries cut
     * off the end.
     */
    public static AuditLog.Verification verify(
            List<String> lines, Long headSeq, String headHash, List<String> problems) {
        List<String> found = new ArrayList<>(problems);
        String prev = GENESIS;
        long expectedSeq = 1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = HASH_SUFFIX.matcher(line);
            if (!m.find()) {
                found.add("line " + (i + 1) + ": not an audit entry (no hash)");
                return new AuditLog.Verification(false, lines.size(), found);
            }
            String body = line.substring(0, m.start()) + "}";
            JsonNode node = JSON.readTree(body);
            if (node.path("seq").asLong() != expectedSeq) {
                found.add("line " + (i + 1) + ": entry " + node.path("seq").asLong() + " where " + expectedSeq
                        + " was expected (an entry was deleted or moved)");
            }
            if (!node.path("prev").asString().equals(prev)) {
                found.add("line " + (i + 1)
                        + ": does not follow the entry before it (an entry was deleted, inserted or edited)");
            }
            if (!ExplainPolicy.sha256(prev + "\n" + body).equals(m.group(1))) {
                found.add("line " + (i + 1) + ": its content does not match its hash (the entry was edited)");
            }
            prev = m.group(1);
            expectedSeq = node.path("seq").asLong() + 1;
        }
        if (headSeq != null) {
            if (headSeq != expectedSeq - 1 || !headHash.equals(prev)) {
                found.add("the log ends at entry " + (expectedSeq - 1) + " but its head records entry " + headSeq
                        + " (entries were cut off the end, or the log was replaced)");
            }
        } else if (!lines.isEmpty()) {
            found.add("the head record is missing");
        }
        return new AuditLog.Verification(found.isEmpty(), lines.size(), found);
    }
}
