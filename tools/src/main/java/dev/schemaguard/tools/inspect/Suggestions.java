package dev.schemaguard.tools.inspect;

import dev.schemaguard.tools.schema.ObjectKey;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Close matches for a table name nobody has: the same name in another schema, then names a typo away. */
final class Suggestions {

    private static final int MAX = 5;

    private Suggestions() {
    }

    static List<String> closest(InspectSchema.QualifiedName wanted, List<ObjectKey> relations) {
        String name = wanted.name().toLowerCase(Locale.ROOT);
        return relations.stream()
                .map(k -> new Scored(k.schema() + "." + k.name(), score(name, wanted.schema(), k)))
                .filter(s -> s.score() <= 3)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(MAX)
                .map(Scored::name)
                .toList();
    }

    private static int score(String name, String schema, ObjectKey key) {
        String candidate = key.name().toLowerCase(Locale.ROOT);
        int distance = distance(name, candidate);
        if (distance > 2 && !(name.length() >= 4 && (candidate.contains(name) || name.contains(candidate)))) {
            return Integer.MAX_VALUE;
        }
        int inOtherSchema = schema != null && !schema.equals(key.schema()) ? 1 : 0;
        return Math.min(distance, 2) + inOtherSchema;
    }

    /** Levenshtein distance, for short identifiers. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String name, int score) {
    }
}
