package dev.schemaguard.tools.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code -- schemaguard:ignore rule-a, rule-b} in the comments right before a statement, and
 * {@code -- schemaguard:ignore-file [rule …]} before the first statement (no ids: the whole file is skipped). Squawk's
 * {@code -- squawk-ignore} and {@code -- squawk-ignore-file} are honoured the same way (its rule ids are ours where we
 * have the rule), so a team can switch without rewriting its migrations; diesel-guard's
 * {@code -- safety-assured:start} … {@code -- safety-assured:end} blocks are read by the engine.
 */
final class Directives {

    private static final Pattern IGNORE = Pattern.compile("(schemaguard:|squawk-)ignore(-file)?\\b([^\\n*]*)");

    /**
     * @param rules     empty with {@code all}: every rule
     * @param directive as written, for messages ("squawk-ignore", "schemaguard:ignore-file" …)
     */
    record Ignore(Set<String> rules, boolean all, boolean file, String directive) {

        /** Squawk's own comments may name Squawk rules this linter does not have: not an error of the migration. */
        boolean foreign() {
            return directive.startsWith("squawk");
        }

        boolean covers(String rule) {
            return all || rules.contains(rule);
        }
    }

    private Directives() {}

    static List<Ignore> in(String comments) {
        List<Ignore> ignores = new ArrayList<>();
        if (comments == null || !(comments.contains("schemaguard:ignore") || comments.contains("squawk-ignore"))) {
            return ignores;
        }
        Matcher m = IGNORE.matcher(comments);
        while (m.find()) {
            Set<String> rules = new LinkedHashSet<>();
            for (String id : m.group(3).split("[,\\s]+")) {
                if (!id.isBlank()) {
                    rules.add(id.trim());
                }
            }
            ignores.add(new Ignore(
                    rules,
                    rules.isEmpty(),
                    m.group(2) != null,
                    m.group(1) + "ignore" + (m.group(2) == null ? "" : "-file")));
        }
        return ignores;
    }
}
