package dev.schemaguard.tools.lint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** A finding's identity that survives edits elsewhere in the file: rule, file name and the statement's normalised text. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(String rule, String file, String statement) {
        String normalized = statement.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        String name = file == null ? "" : file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((rule + "\n" + name + "\n" + normalized).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
