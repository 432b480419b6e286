package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.lint.split.SqlStatement;

import java.util.List;

/** A statement as the rules see it: its source and its tokens, with small helpers for the shapes rules look for. */
public record LintStatement(SqlStatement source, List<SqlTokens.Token> tokens) {

    public static LintStatement of(SqlStatement source) {
        return new LintStatement(source, SqlTokens.tokenize(source.text()));
    }

    /** True when the statement begins with these words, in order. */
    public boolean startsWith(String... words) {
        return matchesAt(0, words);
    }

    public boolean matchesAt(int index, String... words) {
        if (index + words.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(index + i).is(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first occurrence of these consecutive words at or after {@code from}, or -1. */
    public int find(int from, String... words) {
        for (int i = Math.max(0, from); i + words.length <= tokens.size(); i++) {
            if (matchesAt(i, words)) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(String... words) {
        return find(0, words) >= 0;
    }

    /** The (possibly schema-qualified) name starting at {@code index}, as written, or null. */
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

    /** The table an {@code ALTER TABLE [IF EXISTS] [ONLY] name} statement changes, or null. */
    public String alteredTable() {
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
        if (startsWith("DROP", "TABLE") || startsWith("TRUNCATE", "TABLE") || startsWith("REINDEX", "TABLE")
                || startsWith("DELETE", "FROM") || startsWith("INSERT", "INTO") || startsWith("VACUUM", "FULL")) {
            i = 2;
        } else if (startsWith("TRUNCATE") || startsWith("UPDATE") || startsWith("CLUSTER")) {
            i = 1;
        } else if (startsWith("REFRESH", "MATERIALIZED", "VIEW")) {
            i = 3;
        } else {
            return null;
        }
        while (matchesAt(i, "IF") || matchesAt(i, "EXISTS") || matchesAt(i, "ONLY") || matchesAt(i, "CONCURRENTLY")
                || matchesAt(i, "VERBOSE")) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).type() != SqlTokens.Type.PUNCTUATION ? nameAt(i) : null;
    }

    public String text() {
        return source.text();
    }
}
