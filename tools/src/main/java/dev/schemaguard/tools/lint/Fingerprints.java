package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.sql.SqlChars;

/**
 * A finding's identity that survives edits elsewhere in the file: rule, file name and the statement's text with
 * whitespace collapsed and case folded, hashed (64-bit FNV-1a: not a secret, just stable and cheap for a corpus of
 * tens of thousands of findings).
 */
public final class Fingerprints {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprints() {}

    public static String of(String rule, String file, String statement) {
        String name = file == null ? "" : file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        long hash = OFFSET;
        hash = add(hash, rule);
        hash = (hash ^ '\n') * PRIME;
        hash = add(hash, name);
        hash = (hash ^ '\n') * PRIME;
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (SqlChars.isWhitespace(c)) {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    hash = (hash ^ ' ') * PRIME;
                    pendingSpace = false;
                }
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c < 128 ? c : Character.toLowerCase(c);
                hash = (hash ^ lower) * PRIME;
                started = true;
            }
        }
        String hex = Long.toHexString(hash);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    private static long add(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * PRIME;
        }
        return hash;
    }
}
