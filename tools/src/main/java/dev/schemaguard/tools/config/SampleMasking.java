package dev.schemaguard.tools.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which columns a sandbox's data sample masks beyond, or keeps despite, the built-in personal-looking names: the
 * {@code sandbox.masking} section of schemaguard.yaml. Patterns are {@code schema.table.column} globs ({@code *} and
 * {@code ?}), case-insensitive; {@code keep} wins over {@code mask}.
 */
public record SampleMasking(List<String> mask, List<String> keep) {

    public static final SampleMasking BUILT_IN = new SampleMasking(List.of(), List.of());
    private static final Pattern GLOB = Pattern.compile("[^.\\s]+\\.[^.\\s]+\\.[^.\\s]+");

    public SampleMasking {
        mask = List.copyOf(mask);
        keep = List.copyOf(keep);
    }

    /** Null when the pattern is a valid {@code schema.table.column} glob, else what is wrong with it. */
    public static String problem(String pattern) {
        return GLOB.matcher(pattern).matches()
                ? null
                : "expected schema.table.column (globs * and ?), was '" + pattern + "'";
    }

    /** True: mask; false: keep as it is; empty: the built-in rule decides. */
    public Optional<Boolean> decide(String schema, String table, String column) {
        String name = schema + "." + table + "." + column;
        if (keep.stream().anyMatch(p -> matches(p, name))) {
            return Optional.of(false);
        }
        return mask.stream().anyMatch(p -> matches(p, name)) ? Optional.of(true) : Optional.empty();
    }

    /** Part of a sample's identity: the same rows masked differently are another sample. */
    public String key() {
        return mask + "/" + keep;
    }

    private static boolean matches(String glob, String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? "[^.]*" : c == '?' ? "[^.]" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE)
                .matcher(name)
                .matches();
    }
}
