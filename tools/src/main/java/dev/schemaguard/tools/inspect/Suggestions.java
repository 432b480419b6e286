package dev.schemaguard.tools.inspect;

import dev.schemaguard.tools.schema.ObjectKey;
import dev.schemaguard.tools.text.EditDistance;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Close matches for a table name nobody has: the same name in another schema, then names a typo away. */
final class Suggestions {

    private static final int MAX = 5;

    private Suggestions() {}

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
        int distance = EditDistance.between(name, candidate);
        if (distance > 2 && !(name.length() >= 4 && (candidate.contains(name) || name.contains(candidate)))) {
            return Integer.MAX_VALUE;
        }
        int inOtherSchema = schema != null && !schema.equals(key.schema()) ? 1 : 0;
        return Math.min(distance, 2) + inOtherSchema;
    }

    private record Scored(String name, int score) {}
}
