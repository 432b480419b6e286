package dev.schemaguard.tools.text;

import java.util.Locale;

/**
 * Name patterns as people type them: {@code *} any run of characters, {@code ?} one; case-insensitive. Matched in
 * time proportional to pattern × name at worst (the classic two-pointer walk that retries only from the last star),
 * never by a backtracking regular expression: {@code a*a*a*…b} against a long name answers at once.
 */
public final class Glob {

    private final int[] pattern;

    private Glob(String glob) {
        this.pattern = fold(glob);
    }

    public static Glob of(String glob) {
        return new Glob(glob);
    }

    public static boolean matches(String glob, String value) {
        return value != null && of(glob).matches(value);
    }

    public boolean matches(String value) {
        int[] text = fold(value);
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length) {
            if (p < pattern.length && (pattern[p] == '?' || pattern[p] == text[t])) {
                p++;
                t++;
            } else if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    private static int[] fold(String s) {
        return s.toLowerCase(Locale.ROOT)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT)
                .codePoints()
                .toArray();
    }
}
