package dev.schemaguard.server.http.approval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The one-time code that registers the first approver. Made when the HTTP server starts with no approver registered
 * and printed on the server's own console (stderr, not the log file), never sent over MCP: whoever registers with it
 * proves access to the server's console, not to the agent's shell. It works once.
 */
public final class BootstrapCode {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private volatile String code;

    private BootstrapCode(String code) {
        this.code = code;
    }

    public static BootstrapCode none() {
        return new BootstrapCode(null);
    }

    public static BootstrapCode random() {
        SecureRandom random = new SecureRandom();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new BootstrapCode(code.toString());
    }

    public String value() {
        return code;
    }

    /** Whether {@code given} is the code (constant-time), without using it up. */
    public boolean matches(String given) {
        String current = code;
        return current != null
                && given != null
                && MessageDigest.isEqual(
                        current.getBytes(StandardCharsets.UTF_8),
                        given.trim().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    public void useUp() {
        code = null;
    }
}
