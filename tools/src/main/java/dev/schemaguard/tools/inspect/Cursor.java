package dev.schemaguard.tools.inspect;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.schema.ObjectKey;
import dev.schemaguard.tools.schema.ObjectKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the next page starts: the last object of the previous page, so that objects created or dropped between two
 * calls neither repeat nor shift the pages. Bound to the filters it was made with.
 */
record Cursor(String fingerprint, int kindOrdinal, String schema, String displayName, long oid) {

    static final Comparator<ObjectKey> ORDER = Comparator.<ObjectKey>comparingInt(
                    k -> k.kind().ordinal())
            .thenComparing(ObjectKey::schema)
            .thenComparing(ObjectKey::displayName)
            .thenComparingLong(ObjectKey::oid);

    private static final String VERSION = "c1";
    private static final String SEPARATOR = "\u001f";

    static Cursor after(ObjectKey last, String fingerprint) {
        return new Cursor(fingerprint, last.kind().ordinal(), last.schema(), last.displayName(), last.oid());
    }

    static String fingerprint(String schema, String namePattern, Set<ObjectKind> kinds, InspectRequest.Detail detail) {
        String text = schema + SEPARATOR + namePattern + SEPARATOR + new TreeSet<>(kinds) + SEPARATOR + detail;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    String encode() {
        String raw = String.join(
                SEPARATOR,
                VERSION,
                fingerprint,
                Integer.toString(kindOrdinal),
                schema,
                displayName,
                Long.toString(oid));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text, String expectedFingerprint) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 6 || !parts[0].equals(VERSION)) {
            throw new ToolException(
                    "cursor '" + abbreviate(text) + "' is not a cursor from inspect_schema. "
                            + "Pass the nextCursor of the previous answer unchanged, or leave cursor out to start from the beginning.");
        }
        if (!parts[1].equals(expectedFingerprint)) {
            throw new ToolException(
                    "cursor belongs to a listing with other filters (schema, name_pattern, kinds or detail). "
                            + "Repeat the same filters with it, or leave cursor out to start a new listing.");
        }
        try {
            return new Cursor(parts[1], Integer.parseInt(parts[2]), parts[3], parts[4], Long.parseLong(parts[5]));
        } catch (NumberFormatException e) {
            throw new ToolException(
                    "cursor '" + abbreviate(text) + "' is damaged. Leave cursor out to start from the beginning.");
        }
    }

    /** Index of the first key after this cursor in a list sorted by {@link #ORDER}. */
    int startIndex(List<ObjectKey> sorted) {
        ObjectKind kind = ObjectKind.values()[Math.min(kindOrdinal, ObjectKind.values().length - 1)];
        ObjectKey probe = new ObjectKey(kind, schema, displayName, displayName, oid);
        int i = Collections.binarySearch(sorted, probe, ORDER);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static String abbreviate(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }
}
