package dev.schemaguard.tools.drift;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.schema.ddl.ObjectKind;
import dev.schemaguard.tools.schema.ddl.SchemaObject;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a comparison looks at: objects in some schemas, on some tables, of some kinds (empty: all), and differences
 * that do not matter to the caller ({@code column-order}, {@code names} of indexes and constraints).
 */
public record ComparisonScope(
        Set<String> schemas, Set<String> tables, Set<String> kinds, boolean ignoreColumnOrder, boolean ignoreNames) {

    public static final ComparisonScope ALL = new ComparisonScope(Set.of(), Set.of(), Set.of(), false, false);
    public static final List<String> IGNORABLE = List.of("column-order", "names");

    public ComparisonScope {
        schemas = Set.copyOf(schemas);
        tables = Set.copyOf(tables);
        kinds = Set.copyOf(kinds);
        List<String> known = Arrays.stream(ObjectKind.values())
                .filter(k -> k != ObjectKind.OTHER && k != ObjectKind.REFRESH)
                .map(ObjectKind::label)
                .toList();
        for (String kind : kinds) {
            if (!known.contains(kind)) {
                throw new InputException("unknown object kind '" + kind + "'; use: " + String.join(", ", known));
            }
        }
    }

    /** From the caller's words; an unknown word to ignore is refused, not passed over. */
    public static ComparisonScope of(
            List<String> schemas, List<String> tables, List<String> kinds, List<String> ignore) {
        List<String> ignored = ignore == null
                ? List.of()
                : ignore.stream().map(i -> i.strip().toLowerCase(Locale.ROOT)).toList();
        for (String what : ignored) {
            if (!IGNORABLE.contains(what)) {
                throw new InputException("cannot ignore '" + what + "'; use: " + String.join(", ", IGNORABLE));
            }
        }
        return new ComparisonScope(
                set(schemas), set(tables), set(kinds), ignored.contains("column-order"), ignored.contains("names"));
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    public static ComparisonScope schemas(Set<String> schemas, boolean ignoreColumnOrder) {
        return new ComparisonScope(schemas, Set.of(), Set.of(), ignoreColumnOrder, false);
    }

    /** Whether the comparison looks at {@code o}. */
    public Predicate<SchemaObject> keep() {
        return o -> CompareSchemas.schema(o)
                && (schemas.isEmpty() || CompareSchemas.inSchemas(o, schemas))
                && (kinds.isEmpty() || kinds.contains(o.kind().label()))
                && (tables.isEmpty() || onTables(o));
    }

    /** A table given as schema.name or, in any schema, as name: the table itself and what hangs on it. */
    private boolean onTables(SchemaObject o) {
        String qualified = o.table() != null ? o.table() : o.name().replaceFirst("^(?:[A-Z]+ )+", "");
        String bare = qualified.substring(qualified.indexOf('.') + 1);
        return tables.contains(qualified) || tables.contains(bare);
    }

    public boolean limited() {
        return !schemas.isEmpty() || !tables.isEmpty() || !kinds.isEmpty();
    }
}
