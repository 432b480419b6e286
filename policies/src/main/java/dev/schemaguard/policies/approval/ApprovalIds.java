package dev.schemaguard.policies.approval;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Request ids: 120 random bits, so an id cannot be guessed; anything not of this shape is not looked up at all. */
final class ApprovalIds {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final Pattern SHAPE = Pattern.compile("apr-[a-z2-9]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApprovalIds() {}

    static String next() {
        StringBuilder id = new StringBuilder("apr-");
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    static boolean isWellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
