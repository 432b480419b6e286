package dev.schemaguard.tools.sql;

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
            // PostgreSQL's scanner: space is [ \t\n\r\f\v], nothing else (not the ASCII separators Java counts)
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
            ASCII[c] = (byte) ((space ? WHITESPACE : 0)
                    | (Character.isLetter(c) ? LETTER : 0)
                    | (Character.isDigit(c) ? DIGIT : 0));
        }
    }

    private SqlChars() {}

    /** Whitespace as PostgreSQL's scanner has it: only ASCII space, tab, newline, carriage return, form feed, vertical tab. */
    public static boolean isWhitespace(char c) {
        return c < 128 && (ASCII[c] & WHITESPACE) != 0;
    }

    /** A character that continues an identifier: letters, digits, _ and $, and (as PostgreSQL reads bytes) anything beyond ASCII. */
    public static boolean isIdentifierPart(char c) {
        return c >= 128 || (ASCII[c] & (LETTER | DIGIT)) != 0 || c == '_' || c == '$';
    }

    /** Where a {@code --} comment that starts at {@code from} ends: at the next \n or \r, as in PostgreSQL's scanner. */
    public static int commentEnd(char[] chars, int from, int length) {
        for (int i = from; i < length; i++) {
            if (chars[i] == '\n' || chars[i] == '\r') {
                return i;
            }
        }
        return length;
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
