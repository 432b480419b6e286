package dev.schemaguard.tools.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits PostgreSQL migration text into statements the way the server's lexer sees it: a semicolon ends a statement
 * only outside single-quoted strings ({@code ''} escapes), escape strings ({@code E'\''}), quoted identifiers,
 * dollar-quoted bodies ({@code $$}, {@code $tag$}), line comments, nested block comments and SQL-standard
 * {@code BEGIN ATOMIC ... END} bodies. psql meta-commands become statements of their own kind; the data lines of
 * {@code COPY ... FROM STDIN} (up to {@code \.}) stay with their statement. It never throws: text that ends inside a
 * quote or comment becomes a last, unterminated statement.
 */
public final class SqlSplitter {

    private final String sql;
    /** The same text: read by index in the loops, which see every character of a corpus. */
    private final char[] chars;

    private final String file;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int pos;
    private int start = -1;
    private final StringBuilder comments = new StringBuilder();
    private int atomicDepth;
    private int countedUpTo;
    private int countedLine = 1;
    private int countedLineStart;
    private boolean inAtomic;

    /** With standard_conforming_strings off, a backslash escapes the next character in every '…' string. */
    private final boolean standardConformingStrings;

    private SqlSplitter(String sql, String file, boolean standardConformingStrings) {
        this.sql = sql;
        this.chars = sql.toCharArray();
        this.file = file;
        this.standardConformingStrings = standardConformingStrings;
    }

    /** Splits as PostgreSQL reads text with {@code standard_conforming_strings = on}, its default since 9.1. */
    public static List<SqlStatement> split(String sql, String file) {
        return split(sql, file, true);
    }

    public static List<SqlStatement> split(String sql, String file, boolean standardConformingStrings) {
        SqlSplitter splitter = new SqlSplitter(sql == null ? "" : sql, file, standardConformingStrings);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    private void run() {
        int n = sql.length();
        while (pos < n) {
            char c = chars[pos];
            if (start < 0) {
                if (SqlChars.isWhitespace(c)) {
                    pos++;
                    continue;
                }
                if (c == '-' && peek(1) == '-') {
                    int end = SqlChars.commentEnd(chars, pos, sql.length());
                    comments.append(sql, pos, end).append('\n');
                    pos = end;
                    continue;
                }
                if (c == '/' && peek(1) == '*') {
                    int end = blockCommentEnd(pos);
                    comments.append(sql, pos, Math.min(end, n)).append('\n');
                    if (end > n) {
                        start = pos;
                        finish(n, false);
                        return;
                    }
                    pos = end;
                    continue;
                }
                if (c == '\\' && atLineStart(pos)) {
                    int end = lineEnd(pos);
                    emit(pos, end, SqlStatement.Kind.PSQL_META, true);
                    pos = end;
                    continue;
                }
                if (c == ';') {
                    pos++; // an empty statement
                    continue;
                }
                start = pos;
            }
            if (!step()) {
                finish(n, false);
                return;
            }
        }
        if (start >= 0) {
            finish(n, true);
        }
    }

    /** Advances over one lexical element of the current statement; false when the text ends inside one. */
    private boolean step() {
        char c = chars[pos];
        if (c == '\'') {
            // E'…' only where the E is a token of its own (in name'…' the e ends a word); U&'…' never takes backslashes
            boolean escapeString = pos > 0
                    && (chars[pos - 1] == 'E' || chars[pos - 1] == 'e')
                    && (pos < 2 || !isIdentifierPart(chars[pos - 2]));
            boolean unicodeString = pos > 1
                    && chars[pos - 1] == '&'
                    && (chars[pos - 2] == 'U' || chars[pos - 2] == 'u')
                    && (pos < 3 || !isIdentifierPart(chars[pos - 3]));
            return skipQuoted('\'', escapeString || (!standardConformingStrings && !unicodeString));
        }
        if (c == '"') {
            return skipQuoted('"', false);
        }
        if (c == '-' && peek(1) == '-') {
            pos = SqlChars.commentEnd(chars, pos, sql.length());
            return true;
        }
        if (c == '/' && peek(1) == '*') {
            int end = blockCommentEnd(pos);
            pos = end;
            return end <= sql.length();
        }
        if (c == '$') {
            String tag = dollarTag(pos);
            if (tag != null) {
                int close = sql.indexOf(tag, pos + tag.length());
                if (close < 0) {
                    pos = sql.length();
                    return false;
                }
                pos = close + tag.length();
                return true;
            }
            pos++;
            return true;
        }
        if (SqlChars.isLetter(c) && (pos == 0 || !isIdentifierPart(chars[pos - 1]))) {
            int end = pos;
            while (end < sql.length() && isIdentifierPart(chars[end])) {
                end++;
            }
            keyword(pos, end);
            pos = end;
            return true;
        }
        if (c == ';' && !inAtomic) {
            if (sql.regionMatches(true, start, "COPY", 0, 4) && isCopyFromStdin(sql.substring(start, pos))) {
                return copyData();
            }
            finish(pos, true);
            pos++;
            return true;
        }
        pos++;
        return true;
    }

    private boolean lastWordBegin;

    /** Tracks BEGIN ATOMIC ... END bodies (SQL-standard function bodies), whose semicolons do not end the statement. */
    private void keyword(int from, int to) {
        int length = to - from;
        if (!inAtomic && lastWordBegin && is(from, length, "ATOMIC") && createsRoutine()) {
            inAtomic = true;
            atomicDepth = 0;
        } else if (inAtomic) {
            if (is(from, length, "CASE")) {
                atomicDepth++;
            } else if (is(from, length, "END")) {
                if (atomicDepth == 0) {
                    inAtomic = false;
                } else {
                    atomicDepth--;
                }
            }
        }
        lastWordBegin = is(from, length, "BEGIN");
    }

    /**
     * BEGIN ATOMIC opens a body only in CREATE [OR REPLACE] FUNCTION / PROCEDURE; elsewhere ({@code FROM begin atomic},
     * a table and its alias) the words are names and a semicolon still ends the statement, as PostgreSQL reads it.
     */
    private boolean createsRoutine() {
        String head = sql.substring(start, Math.min(sql.length(), start + 40)).toUpperCase(Locale.ROOT);
        return head.matches("(?s)CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\b.*");
    }

    private boolean is(int from, int length, String word) {
        return length == word.length() && sql.regionMatches(true, from, word, 0, length);
    }

    /** COPY ... FROM STDIN: the data lines that follow belong to the statement, up to a line holding only {@code \.}. */
    private boolean copyData() {
        int dataStart = lineEnd(pos) + 1;
        int line = dataStart;
        while (line <= sql.length()) {
            int end = lineEnd(line);
            if (sql.substring(line, Math.min(end, sql.length())).strip().equals("\\.")) {
                finish(Math.min(end, sql.length()), true);
                pos = Math.min(end, sql.length());
                return true;
            }
            if (end >= sql.length()) {
                break;
            }
            line = end + 1;
        }
        pos = sql.length();
        return false;
    }

    private static boolean isCopyFromStdin(String statement) {
        String upper = statement.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("COPY") && upper.matches("(?s).*\\bFROM\\s+STDIN\\b.*");
    }

    private boolean skipQuoted(char quote, boolean backslashEscapes) {
        int i = pos + 1;
        while (i < sql.length()) {
            char c = chars[i];
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && chars[i + 1] == quote) {
                    i += 2;
                    continue;
                }
                pos = i + 1;
                return true;
            }
            i++;
        }
        pos = sql.length();
        return false;
    }

    /** {@code $tag$} starting at {@code at}, or null when the {@code $} is not a dollar quote (e.g. {@code $1}). */
    private String dollarTag(int at) {
        if (at > 0 && isIdentifierPart(chars[at - 1])) {
            return null; // part of an identifier such as a$b
        }
        int i = at + 1;
        if (i < sql.length() && SqlChars.isDigit(chars[i])) {
            return null; // a positional parameter
        }
        while (i < sql.length() && chars[i] != '$' && SqlChars.isIdentifierPart(chars[i])) {
            i++;
        }
        return i < sql.length() && chars[i] == '$' ? sql.substring(at, i + 1) : null;
    }

    /** End of a block comment starting at {@code at} (comments nest), or past the end of the text when unterminated. */
    private int blockCommentEnd(int at) {
        int depth = 0;
        int i = at;
        while (i < sql.length() - 1) {
            if (chars[i] == '/' && chars[i + 1] == '*') {
                depth++;
                i += 2;
            } else if (chars[i] == '*' && chars[i + 1] == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length() + 1;
    }

    private int lineEnd(int at) {
        int end = sql.indexOf('\n', at);
        return end < 0 ? sql.length() : end;
    }

    private boolean atLineStart(int at) {
        int i = at - 1;
        while (i >= 0 && (chars[i] == ' ' || chars[i] == '\t')) {
            i--;
        }
        return i < 0 || chars[i] == '\n';
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? chars[i] : '\0';
    }

    private static boolean isIdentifierPart(char c) {
        return SqlChars.isIdentifierPart(c);
    }

    private void finish(int end, boolean terminated) {
        emit(start, end, SqlStatement.Kind.SQL, terminated);
        start = -1;
        inAtomic = false;
        lastWordBegin = false;
    }

    private void emit(int from, int to, SqlStatement.Kind kind, boolean terminated) {
        String text = sql.substring(from, Math.min(to, sql.length())).strip();
        if (!text.isEmpty()) {
            // Statements come in order, so lines are counted once over the whole text.
            for (; countedUpTo < from; countedUpTo++) {
                if (chars[countedUpTo] == '\n') {
                    countedLine++;
                    countedLineStart = countedUpTo + 1;
                }
            }
            statements.add(new SqlStatement(
                    text,
                    file,
                    countedLine,
                    from - countedLineStart + 1,
                    from,
                    comments.toString().strip(),
                    kind,
                    terminated));
        }
        comments.setLength(0);
    }
}
