package dev.schemaguard.tools.drift;

import dev.schemaguard.tools.schema.ddl.ObjectKind;
import dev.schemaguard.tools.schema.ddl.SchemaObject;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --ignore names}: an index or constraint the second side has under another name, but otherwise the same (same
 * table, same definition), is the first side's — neither reported nor renamed by the converging SQL.
 */
public final class NamesIgnored {

    private static final Set<ObjectKind> NAMED_BY_CHOICE =
            Set.of(ObjectKind.INDEX, ObjectKind.CONSTRAINT, ObjectKind.FOREIGN_KEY);

    private NamesIgnored() {}

    /** {@code second} with each object that differs from one of {@code first}'s only by its name replaced by that one. */
    public static SchemaScript align(SchemaScript first, SchemaScript second) {
        Map<String, SchemaObject> unmatched = new HashMap<>();
        Set<String> secondKeys = new java.util.HashSet<>();
        second.objects().forEach(o -> secondKeys.add(o.key()));
        for (SchemaObject o : first.objects()) {
            if (NAMED_BY_CHOICE.contains(o.kind()) && !secondKeys.contains(o.key())) {
                unmatched.putIfAbsent(nameless(o), o);
            }
        }
        if (unmatched.isEmpty()) {
            return second;
        }
        return second.map(o -> NAMED_BY_CHOICE.contains(o.kind()) && first.object(o.key()) == null
                ? java.util.Optional.ofNullable(unmatched.remove(nameless(o))).orElse(o)
                : o);
    }

    /** The object's kind, table and definition with its own name left out. */
    static String nameless(SchemaObject o) {
        String own = o.name().substring(o.name().lastIndexOf('.') + 1);
        String definition = Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(own.replace("\"", "")) + "\"?(?![\\w$])")
                .matcher(o.definition())
                .replaceAll(Matcher.quoteReplacement("?"));
        return o.kind() + "|" + o.table() + "|" + definition;
    }

    static List<String> kinds() {
        return NAMED_BY_CHOICE.stream().map(ObjectKind::label).sorted().toList();
    }
}
