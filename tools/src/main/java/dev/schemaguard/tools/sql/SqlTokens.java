package dev.schemaguard.tools.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement as tokens, comments and whitespace dropped: words (keywords and identifiers, upper-cased unless quoted),
 * quoted identifiers, literals and punctuation. Enough to recognise what a statement does for most rules, far faster
 * than a full parse.
 */
public final class SqlTokens {

    public enum Type {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        PUNCTUATION
    }

    /** @param value upper-cased for words, unquoted for quoted identifiers, raw otherwise */
    public record Token(Type type, String value, String raw, int offset) {

        public boolean is(String word) {
            return type == Type.WORD && value.equals(word);
        }
    }

    private SqlTokens() {}

    /** Punctuation tokens are single characters: one String each, shared. */
    private static final String[] SINGLE = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            SINGLE[c] = String.valueOf(c).intern();
        }
    }

    private static String single(char c) {
        return c < 128 ? SINGLE[c] : String.valueOf(c);
    }

    public static List<Token> tokenize(String text) {
        // a char[] rather than charAt: this loop sees every character of a corpus, and runs before the JIT's best tier
        char[] chars = text.toCharArray();
        List<Token> tokens = new ArrayList<>(Math.min(text.length() / 4 + 4, 4096));
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = chars[i];
            if (SqlChars.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && chars[i + 1] == '-') {
                i = SqlChars.commentEnd(chars, i, n); // at \n or \r, as PostgreSQL's scanner ends it
            } else if (c == '/' && i + 1 < n && chars[i + 1] == '*') {
                int depth = 0;
                int j = i;
                while (j < n - 1) {
                    if (chars[j] == '/' && chars[j + 1] == '*') {
                        depth++;
                        j += 2;
                    } else if (chars[j] == '*' && chars[j + 1] == '/') {
                        depth--;
                        j += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        j++;
                    }
                }
                i = depth == 0 ? j : n;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder name = new StringBuilder();
                while (j < n) {
                    if (chars[j] == '"') {
                        if (j + 1 < n && chars[j + 1] == '"') {
                            name.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    name.append(chars[j++]);
                }
                tokens.add(
                        new Token(Type.QUOTED_IDENTIFIER, name.toString(), text.substring(i, Math.min(j + 1, n)), i));
                i = Math.min(j + 1, n);
            } else if (c == '\'') {
                int j = i + 1;
                // an escape string only where the E is a token of its own, not the end of a word (name'…' is a name,
                // then a string)
                boolean escapes = i > 0
                        && (chars[i - 1] == 'E' || chars[i - 1] == 'e')
                        && (i < 2 || !SqlChars.isIdentifierPart(chars[i - 2]));
                while (j < n) {
                    char d = chars[j];
                    if (escapes && d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (d == '\'') {
                        if (j + 1 < n && chars[j + 1] == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                String literal = text.substring(i, Math.min(j + 1, n));
                tokens.add(new Token(Type.STRING, literal, literal, i));
                i = Math.min(j + 1, n);
            } else if (c == '$' && dollarTagEnd(chars, i) > 0) {
                int tagEnd = dollarTagEnd(chars, i);
                String tag = text.substring(i, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                String body = text.substring(i, end);
                tokens.add(new Token(Type.STRING, body, body, i));
                i = end;
            } else if (SqlChars.isLetter(c) || c == '_' || c >= 128) {
                int j = i; // a word as PostgreSQL reads one: any non-ASCII character is a letter to it, none is a space
                int upperHash = 0;
                boolean upperCase = true;
                boolean ascii = true;
                while (j < n && SqlChars.isIdentifierPart(chars[j])) {
                    char d = chars[j];
                    upperCase &= !(d >= 'a' && d <= 'z');
                    ascii &= d < 128;
                    upperHash = 31 * upperHash + (d >= 'a' && d <= 'z' ? d - ('a' - 'A') : d);
                    j++;
                }
                if (j == i + 1 && j < n && chars[j] == '\'' && (c == 'E' || c == 'e')) {
                    i = j; // the E of an escape string: the string token follows
                    continue;
                }
                String keyword = ascii ? SqlKeywords.lookup(chars, i, j, upperHash) : null;
                if (keyword != null) {
                    tokens.add(new Token(Type.WORD, keyword, upperCase ? keyword : text.substring(i, j), i));
                } else {
                    String word = text.substring(i, j);
                    tokens.add(new Token(Type.WORD, word.toUpperCase(Locale.ROOT), word, i));
                }
                i = j;
            } else if (SqlChars.isDigit(c)) {
                int j = i;
                while (j < n && (SqlChars.isLetterOrDigit(chars[j]) || chars[j] == '.')) {
                    j++;
                }
                String number = text.substring(i, j);
                tokens.add(new Token(Type.NUMBER, number, number, i));
                i = j;
            } else {
                String punctuation = single(c);
                tokens.add(new Token(Type.PUNCTUATION, punctuation, punctuation, i));
                i++;
            }
        }
        return tokens;
    }

    private static int dollarTagEnd(char[] chars, int at) {
        int i = at + 1;
        if (i < chars.length && SqlChars.isDigit(chars[i])) {
            return -1;
        }
        while (i < chars.length && chars[i] != '$' && SqlChars.isIdentifierPart(chars[i])) {
            i++;
        }
        return i < chars.length && chars[i] == '$' ? i + 1 : -1;
    }
}
