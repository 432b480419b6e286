package dev.schemaguard.tools.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement as tokens, comments and whitespace dropped: words (keywords and identifiers, upper-cased unless quoted),
 * quoted identifiers, literals and punctuation. Enough to recognise what a statement does for most rules, far faster
 * than a full parse.
 */
public final class SqlTokens {

    public enum Type { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, PUNCTUATION }

    /** @param value upper-cased for words, unquoted for quoted identifiers, raw otherwise */
    public record Token(Type type, String value, String raw, int offset) {

        public boolean is(String word) {
            return type == Type.WORD && value.equals(word);
        }
    }

    private SqlTokens() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int depth = 0;
                int j = i;
                while (j < n - 1) {
                    if (text.charAt(j) == '/' && text.charAt(j + 1) == '*') {
                        depth++;
                        j += 2;
                    } else if (text.charAt(j) == '*' && text.charAt(j + 1) == '/') {
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
                    if (text.charAt(j) == '"') {
                        if (j + 1 < n && text.charAt(j + 1) == '"') {
                            name.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    name.append(text.charAt(j++));
                }
                tokens.add(new Token(Type.QUOTED_IDENTIFIER, name.toString(), text.substring(i, Math.min(j + 1, n)), i));
                i = Math.min(j + 1, n);
            } else if (c == '\'') {
                int j = i + 1;
                boolean escapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e');
                while (j < n) {
                    char d = text.charAt(j);
                    if (escapes && d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (d == '\'') {
                        if (j + 1 < n && text.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                tokens.add(new Token(Type.STRING, text.substring(i, Math.min(j + 1, n)), text.substring(i, Math.min(j + 1, n)), i));
                i = Math.min(j + 1, n);
            } else if (c == '$' && dollarTagEnd(text, i) > 0) {
                int tagEnd = dollarTagEnd(text, i);
                String tag = text.substring(i, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                tokens.add(new Token(Type.STRING, text.substring(i, end), text.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '$')) {
                    j++;
                }
                String word = text.substring(i, j);
                if (j < n && text.charAt(j) == '\'' && (word.equalsIgnoreCase("E"))) {
                    i = j; // the E of an escape string: the string token follows
                    continue;
                }
                tokens.add(new Token(Type.WORD, word.toUpperCase(Locale.ROOT), word, i));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Type.NUMBER, text.substring(i, j), text.substring(i, j), i));
                i = j;
            } else {
                tokens.add(new Token(Type.PUNCTUATION, String.valueOf(c), String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }

    private static int dollarTagEnd(String text, int at) {
        int i = at + 1;
        if (i < text.length() && Character.isDigit(text.charAt(i))) {
            return -1;
        }
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
    }
}
