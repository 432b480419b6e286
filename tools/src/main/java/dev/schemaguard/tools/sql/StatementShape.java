package dev.schemaguard.tools.sql;

import java.util.List;

/**
 * A statement as the rules see it: its source and its tokens, with small helpers for the shapes rules look for. What
 * many rules ask (the altered table) is worked out once per statement.
 */
public final class StatementShape {

    private final SqlStatement source;
    private final List<SqlTokens.Token> tokens;
    private String alteredTable;
    private boolean alteredTableKnown;
    private java.util.Set<String> typeWords;

    /** The upper-cased value of each word token, null for other tokens. */
    private final String[] words;
    /**
     * One bit per word hash ({@code hashCode() & 63}) of the words present: most searches of a rule are for words the
     * statement does not have, and this answers them without a scan.
     */
    private final long wordBits;

    public StatementShape(SqlStatement source, List<SqlTokens.Token> tokens) {
        this.source = source;
        this.tokens = tokens;
        this.words = new String[tokens.size()];
        long bits = 0;
        for (int i = 0; i < words.length; i++) {
            SqlTokens.Token token = tokens.get(i);
            if (token.type() == SqlTokens.Type.WORD) {
                words[i] = token.value();
                bits |= bit(token.value());
            }
        }
        this.wordBits = bits;
    }

    private static long bit(String word) {
        return 1L << (word.hashCode() & 63);
    }

    /** False when one of the words is certainly absent; true when they may all be present. */
    private boolean mayHave(String[] wanted) {
        for (String word : wanted) {
            if ((wordBits & bit(word)) == 0) {
                return false;
            }
        }
        return true;
    }

    public static StatementShape of(SqlStatement source) {
        return new StatementShape(source, SqlTokens.tokenize(source.text()));
    }

    public SqlStatement source() {
        return source;
    }

    public List<SqlTokens.Token> tokens() {
        return tokens;
    }

    /** True when the statement begins with these words, in order. */
    public boolean startsWith(String... words) {
        return matchesAt(0, words);
    }

    // Fixed-arity forms of the searches, which is how rules call them: a varargs call allocates its array each time,
    // and
    // the rules make millions of these calls on a corpus (a tenth of all allocation, before the JIT's best tier).

    public boolean startsWith(String word) {
        return matchesAt(0, word);
    }

    public boolean startsWith(String first, String second) {
        return matchesAt(0, first, second);
    }

    public boolean startsWith(String first, String second, String third) {
        return matchesAt(0, first, second) && matchesAt(2, third);
    }

    public boolean matchesAt(int index, String word) {
        if (index < 0 || index >= words.length) {
            return false;
        }
        String at = words[index];
        return at == word || (at != null && at.equals(word));
    }

    public boolean matchesAt(int index, String first, String second) {
        return matchesAt(index, first) && matchesAt(index + 1, second);
    }

    public boolean matchesAt(int index, String first, String second, String third) {
        return matchesAt(index, first) && matchesAt(index + 1, second) && matchesAt(index + 2, third);
    }

    public int find(int from, String word) {
        if ((wordBits & bit(word)) == 0) {
            return -1;
        }
        for (int i = Math.max(0, from); i < words.length; i++) {
            if (matchesAt(i, word)) {
                return i;
            }
        }
        return -1;
    }

    public int find(int from, String first, String second) {
        if ((wordBits & bit(first)) == 0 || (wordBits & bit(second)) == 0) {
            return -1;
        }
        for (int i = Math.max(0, from); i + 1 < words.length; i++) {
            if (matchesAt(i, first) && matchesAt(i + 1, second)) {
                return i;
            }
        }
        return -1;
    }

    public int find(int from, String first, String second, String third) {
        if ((wordBits & bit(first)) == 0 || (wordBits & bit(second)) == 0 || (wordBits & bit(third)) == 0) {
            return -1;
        }
        for (int i = Math.max(0, from); i + 2 < words.length; i++) {
            if (matchesAt(i, first) && matchesAt(i + 1, second) && matchesAt(i + 2, third)) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(String word) {
        return find(0, word) >= 0;
    }

    public boolean contains(String first, String second) {
        return find(0, first, second) >= 0;
    }

    public boolean contains(String first, String second, String third) {
        return find(0, first, second, third) >= 0;
    }

    public boolean matchesAt(int index, String... wanted) {
        if (index < 0 || index + wanted.length > words.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            String word = words[index + i];
            if (word != wanted[i] && (word == null || !word.equals(wanted[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first occurrence of these consecutive words at or after {@code from}, or -1. */
    public int find(int from, String... wanted) {
        if (!mayHave(wanted)) {
            return -1;
        }
        for (int i = Math.max(0, from); i + wanted.length <= words.length; i++) {
            if (matchesAt(i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(String... words) {
        return find(0, words) >= 0;
    }

    /** The (possibly schema-qualified) name starting at {@code index}, as written, or null. */
    /** The index of the first comma at or after {@code from} outside parentheses (where an action or list item ends), or the size. */
    public int topLevelComma(int from) {
        int depth = 0;
        for (int j = from; j < tokens.size(); j++) {
            String raw = tokens.get(j).raw();
            if (raw.equals("(")) {
                depth++;
            } else if (raw.equals(")")) {
                depth--;
            } else if (raw.equals(",") && depth == 0) {
                return j;
            }
        }
        return tokens.size();
    }

    public String nameAt(int index) {
        if (index < 0 || index >= tokens.size()) {
            return null;
        }
        StringBuilder name = new StringBuilder(tokens.get(index).raw());
        int i = index + 1;
        while (i + 1 < tokens.size() && tokens.get(i).raw().equals(".")) {
            name.append('.').append(tokens.get(i + 1).raw());
            i += 2;
        }
        return name.toString();
    }

    /**
     * What an {@code ALTER TABLE … RENAME} statement renames — the table ({@code RENAME TO new}), a column
     * ({@code RENAME [COLUMN] old TO new}) or a constraint ({@code RENAME CONSTRAINT old TO new}) — recognised once here
     * for lint, rollback, impact and the cross-file state. {@code from} is null for a table (it is {@link #alteredTable()}).
     */
    public record Rename(Kind kind, String table, SqlTokens.Token from, SqlTokens.Token to) {

        public enum Kind {
            TABLE,
            COLUMN,
            CONSTRAINT
        }
    }

    /** The rename this statement makes, or empty (RENAME is an ALTER TABLE form of its own: at most one per statement). */
    public java.util.Optional<Rename> rename() {
        String table = alteredTable();
        int at = table == null ? -1 : find(0, "RENAME");
        if (at < 0 || at + 2 >= tokens.size()) {
            return java.util.Optional.empty();
        }
        if (matchesAt(at + 1, "TO")) {
            return java.util.Optional.of(new Rename(Rename.Kind.TABLE, table, null, tokens.get(at + 2)));
        }
        Rename.Kind kind = matchesAt(at + 1, "CONSTRAINT") ? Rename.Kind.CONSTRAINT : Rename.Kind.COLUMN;
        int from = matchesAt(at + 1, "COLUMN") || kind == Rename.Kind.CONSTRAINT ? at + 2 : at + 1;
        if (from + 2 >= tokens.size() || !matchesAt(from + 1, "TO")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Rename(kind, table, tokens.get(from), tokens.get(from + 2)));
    }

    /** The table an {@code ALTER TABLE [IF EXISTS] [ONLY] name} statement changes, or null. */
    public String alteredTable() {
        if (!alteredTableKnown) {
            alteredTable = findAlteredTable();
            alteredTableKnown = true;
        }
        return alteredTable;
    }

    private String findAlteredTable() {
        if (!startsWith("ALTER", "TABLE")) {
            return null;
        }
        int i = 2;
        if (matchesAt(i, "IF", "EXISTS")) {
            i += 2;
        }
        if (matchesAt(i, "ONLY")) {
            i++;
        }
        return nameAt(i);
    }

    /**
     * The type names written at type positions (one word, or two such as {@code CHARACTER VARYING}), found once per
     * statement for all the rules about type choices.
     */
    public java.util.Set<String> typeWords() {
        if (typeWords == null) {
            java.util.Set<String> words = new java.util.HashSet<>();
            for (int i = 1; i < tokens.size(); i++) {
                SqlTokens.Token t = tokens.get(i);
                if (t.type() != SqlTokens.Type.WORD || !isTypePosition(i)) {
                    continue;
                }
                boolean twoWords = i + 1 < tokens.size() && tokens.get(i + 1).type() == SqlTokens.Type.WORD;
                if (twoWords) {
                    words.add(t.value() + " " + tokens.get(i + 1).value());
                }
                if (!(t.is("CHARACTER") && matchesAt(i + 1, "VARYING"))) {
                    words.add(t.value());
                }
            }
            typeWords = words;
        }
        return typeWords;
    }

    /** Whether the token at {@code index} is where a type is written (see {@link #typeWords()}). */
    public boolean isTypeAt(int index) {
        return index > 0 && index < tokens.size() && isTypePosition(index);
    }

    /** A type follows a column name (a word after "(" or ",", or after COLUMN / ADD) or the keyword TYPE. */
    private boolean isTypePosition(int i) {
        SqlTokens.Token previous = tokens.get(i - 1);
        if (previous.is("TYPE")) {
            return true;
        }
        if (i < 2 || (previous.type() != SqlTokens.Type.WORD && previous.type() != SqlTokens.Type.QUOTED_IDENTIFIER)) {
            return false;
        }
        SqlTokens.Token before = tokens.get(i - 2);
        return before.raw().equals("(")
                || before.raw().equals(",")
                || before.is("COLUMN")
                || (before.is("ADD") && !previous.is("CONSTRAINT") && !previous.is("COLUMN"));
    }

    /** The table (or materialized view) the statement locks or changes, or null when it is not about one. */
    public String targetTable() {
        String altered = alteredTable();
        if (altered != null) {
            return altered;
        }
        if (startsWith("CREATE")) {
            int on = find(0, "ON");
            return on > 0 && contains("INDEX") ? nameAt(matchesAt(on + 1, "ONLY") ? on + 2 : on + 1) : null;
        }
        int i;
        if (startsWith("DROP", "TABLE")
                || startsWith("TRUNCATE", "TABLE")
                || startsWith("REINDEX", "TABLE")
                || startsWith("DELETE", "FROM")
                || startsWith("INSERT", "INTO")
                || startsWith("VACUUM", "FULL")) {
            i = 2;
        } else if (startsWith("TRUNCATE") || startsWith("UPDATE") || startsWith("CLUSTER")) {
            i = 1;
        } else if (startsWith("REFRESH", "MATERIALIZED", "VIEW")) {
            i = 3;
        } else {
            return null;
        }
        while (matchesAt(i, "IF")
                || matchesAt(i, "EXISTS")
                || matchesAt(i, "ONLY")
                || matchesAt(i, "CONCURRENTLY")
                || matchesAt(i, "VERBOSE")) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).type() != SqlTokens.Type.PUNCTUATION ? nameAt(i) : null;
    }

    public String text() {
        return source.text();
    }
}
