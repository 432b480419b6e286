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

    public String text() {
        return source.text();
    }
}
