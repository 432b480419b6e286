package dev.schemaguard.tools.lint.split;

/**
 * {@link Character}'s classification, answered from a table for ASCII: the splitter and tokeniser ask it for every
 * character of a corpus, and {@code Character}'s general lookup was a tenth of a lint run's time.
 */
public final class SqlChars {

    private static final byte WHITESPACE = 1;
    private static final byte LETTER = 2;
    private static final byte DIGIT = 4;
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = (byte) ((Character.isWhitespace(c) ? WHITESPACE : 0) | (Character.isLetter(c) ? LETTER : 0)
                    | (Character.isDigit(c) ? DIGIT : 0));
        }
    }

    private SqlChars() {
    }

    public static boolean isWhitespace(char c) {
        return c < 128 ? (ASCII[c] & WHITESPACE) != 0 : Character.isWhitespace(c);
    }

    public static boolean isLetter(char c) {
        return c < 128 ? (ASCII[c] & LETTER) != 0 : Character.isLetter(c);
    }

    public static boolean isDigit(char c) {
        return c < 128 ? (ASCII[c] & DIGIT) != 0 : Character.isDigit(c);
    }

    public static boolean isLetterOrDigit(char c) {
        return c < 128 ? (ASCII[c] & (LETTER | DIGIT)) != 0 : Character.isLetterOrDigit(c);
    }
}
