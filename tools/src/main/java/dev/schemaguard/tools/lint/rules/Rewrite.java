package dev.schemaguard.tools.lint.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Text rewrites for fixes, with each regular expression compiled once: a large corpus produces tens of thousands of
 * fixes, and {@code String.replaceAll} would compile its pattern for every one.
 */
final class Rewrite {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final String text;

    private Rewrite(String text) {
        this.text = text;
    }

    static Rewrite of(String text) {
        return new Rewrite(text);
    }

    Rewrite all(String regex, String replacement) {
        return new Rewrite(
                PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(text).replaceAll(replacement));
    }

    Rewrite first(String regex, String replacement) {
        return new Rewrite(
                PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(text).replaceFirst(replacement));
    }

    @Override
    public String toString() {
        return text;
    }
}
