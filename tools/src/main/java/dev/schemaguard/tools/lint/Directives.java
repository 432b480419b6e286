package dev.schemaguard.tools.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code -- schemaguard:ignore rule-a, rule-b} in the comments right before a statement, and
 * {@code -- schemaguard:ignore-file [rule …]} before the first statement (no ids: the whole file is skipped).
 */
final class Directives {

    private static final Pattern IGNORE = Pattern.compile("schemaguard:ignore(-file)?\\b([^\\n*]*)");

    /** @param rules empty with {@code all}: every rule */
    record Ignore(Set<String> rules, boolean all, boolean file) {

        boolean covers(String rule) {
            return all || rules.contains(rule);
        }
    }

    private Directives() {
    }

    static List<Ignore> in(String comments) {
        List<Ignore> ignores = new ArrayList<>();
        if (comments == null || !comments.contains("schemaguard:ignore")) {
            return ignores;
        }
        Matcher m = IGNORE.matcher(comments);
        while (m.find()) {
            Set<String> rules = new LinkedHashSet<>();
            for (String id : m.group(2).split("[,\\s]+")) {
                if (!id.isBlank()) {
                    rules.add(id.trim());
                }
            }
            ignores.add(new Ignore(rules, rules.isEmpty(), m.group(1) != null));
        }
        return ignores;
    }
}
