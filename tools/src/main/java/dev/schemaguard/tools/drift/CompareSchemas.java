package dev.schemaguard.tools.drift;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter;
import dev.schemaguard.tools.schema.ddl.SchemaObject;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How two environments' schemas differ ("how does staging differ from production?"): every object of the first that
 * the second lacks, every object only the second has, and every object both have that differs — for a table, the
 * columns and constraints that differ, not the whole statement. Both are only read (one catalog export each).
 */
public final class CompareSchemas {

    private final Environments environments;

    public CompareSchemas(Environments environments) {
        this.environments = environments;
    }

    /**
     * @param state  missing (in the second), extra (only in the second) or different
     * @param first  the object as the first environment has it (its differing parts for a table); null when missing there
     * @param second as the second has it; null when missing there
     */
    public record Difference(String kind, String object, String state, List<String> first, List<String> second) {

        /** The difference as a report says it, the sides called by the names given: one line, and its parts if any. */
        public void appendTo(StringBuilder out, String firstName, String secondName) {
            switch (state) {
                case "missing" ->
                    out.append("  - missing in '").append(secondName).append("': ");
                case "extra" -> out.append("  + only in '").append(secondName).append("': ");
                default -> out.append("  ~ different: ");
            }
            out.append(kind).append(' ').append(object).append('\n');
            if (state.equals("different")) {
                first.forEach(p -> out.append("      ")
                        .append(firstName)
                        .append(": ")
                        .append(p)
                        .append('\n'));
                second.forEach(p -> out.append("      ")
                        .append(secondName)
                        .append(": ")
                        .append(p)
                        .append('\n'));
            }
        }
    }

    /** @param convergence the SQL that makes the second like the first, proven on a sandbox copy; null when not asked */
    public record Comparison(
            String first,
            String second,
            List<Difference> differences,
            boolean ignoredColumnOrder,
            Convergence convergence) {

        public Comparison(String first, String second, List<Difference> differences, boolean ignoredColumnOrder) {
            this(first, second, differences, ignoredColumnOrder, null);
        }

        public Comparison withConvergence(Convergence convergence) {
            return new Comparison(first, second, differences, ignoredColumnOrder, convergence);
        }

        public String toText() {
            return differencesText() + (convergence == null ? "" : convergence.toText(first, second));
        }

        private String differencesText() {
            StringBuilder out = new StringBuilder();
            if (differences.isEmpty()) {
                return out.append("'")
                        .append(second)
                        .append("' has the schema of '")
                        .append(first)
                        .append("'")
                        .append(ignoredColumnOrder ? " (column order ignored)" : "")
                        .append(".\n")
                        .toString();
            }
            out.append("'")
                    .append(second)
                    .append("' differs from '")
                    .append(first)
                    .append("' in ")
                    .append(differences.size())
                    .append(" object(s)")
                    .append(ignoredColumnOrder ? " (column order ignored)" : "")
                    .append(":\n");
            differences.forEach(d -> d.appendTo(out, first, second));
            return out.toString();
        }
    }

    /**
     * {@code read} on a thread of its own, while the caller reads the other side: not the common fork-join pool, whose
     * one thread on a two-core machine the code index's parallel scans may hold, and which a blocking read should not.
     */
    public static <T> java.util.concurrent.CompletableFuture<T> alongside(java.util.function.Supplier<T> read) {
        return java.util.concurrent.CompletableFuture.supplyAsync(read, task -> {
            Thread reader = new Thread(task, "schemaguard-schema-read");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /** Both environments read at once, each on its own connection. */
    public Comparison compare(String first, String second, boolean ignoreColumnOrder) {
        java.util.concurrent.CompletableFuture<SchemaScript> b = alongside(() -> export(second));
        SchemaScript a = export(first);
        try {
            return compare(first, a, second, b.join(), ignoreColumnOrder);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Two schemas already read (an environment's, or a sandbox copy's after some SQL): how the second differs. */
    public static Comparison compare(
            String first, SchemaScript a, String second, SchemaScript b, boolean ignoreColumnOrder) {
        return compare(first, a, second, b, ignoreColumnOrder, false);
    }

    /** @param ignoreNames an index or constraint the same but for its name is the same */
    public static Comparison compare(
            String first,
            SchemaScript a,
            String second,
            SchemaScript b,
            boolean ignoreColumnOrder,
            boolean ignoreNames) {
        // whether a materialized view holds rows is data, not schema: never a difference, never "converged" by emptying
        // it
        a = a.only(CompareSchemas::schema);
        b = b.only(CompareSchemas::schema);
        if (ignoreNames) {
            b = NamesIgnored.align(a, b);
        }
        List<Difference> differences = new ArrayList<>();
        for (SchemaScript.Change change : a.diff(b, ignoreColumnOrder).changes()) {
            SchemaObject any = change.before() != null ? change.before() : change.after();
            String kind = any.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (change.after() == null) {
                differences.add(new Difference(
                        kind, any.name(), "missing", List.of(change.before().definition()), null));
            } else if (change.before() == null) {
                differences.add(new Difference(
                        kind, any.name(), "extra", null, List.of(change.after().definition())));
            } else {
                List<String> was = parts(change.before());
                List<String> is = parts(change.after());
                differences.add(new Difference(
                        kind,
                        any.name(),
                        "different",
                        was.stream().filter(p -> !is.contains(p)).toList(),
                        is.stream().filter(p -> !was.contains(p)).toList()));
            }
        }
        return new Comparison(first, second, List.copyOf(differences), ignoreColumnOrder);
    }

    /**
     * Whether {@code o} lies in one of {@code schemas}: a schema itself, or an object whose table or name is qualified by
     * one (a comment or grant names its object after a keyword, e.g. {@code TABLE shop.orders}). Objects of no schema
     * (extensions, roles) are outside every one.
     */
    public static boolean inSchemas(SchemaObject o, java.util.Set<String> schemas) {
        if (o.kind() == dev.schemaguard.tools.schema.ddl.ObjectKind.SCHEMA) {
            return schemas.contains(o.name());
        }
        String qualified = relation(o);
        int dot = qualified.indexOf('.');
        return dot > 0 && schemas.contains(qualified.substring(0, dot));
    }

    /** Whether {@code o} is part of a schema (not the populated state of a materialized view). */
    public static boolean schema(SchemaObject o) {
        return o.kind() != dev.schemaguard.tools.schema.ddl.ObjectKind.REFRESH;
    }

    /**
     * The schema-qualified name of what {@code o} is, or hangs on: a table's own name for its columns, constraints,
     * indexes, triggers, owner and grants; the object's name for anything else.
     */
    public static String relation(SchemaObject o) {
        return o.table() != null ? o.table() : o.name().replaceFirst("^(?:[A-Z]+ )+", "");
    }

    /** A table by its columns (and the rest of its definition); any other object as a whole. */
    private static List<String> parts(SchemaObject o) {
        if (o.columns().isEmpty()) {
            return List.of(o.definition());
        }
        List<String> parts = new ArrayList<>(
                o.columns().stream().map(SchemaObject.Column::definition).toList());
        String rest = o.definition();
        for (SchemaObject.Column c : o.columns()) {
            rest = rest.replace(c.definition(), "");
        }
        parts.add(rest.replaceAll("\\(\\s*(,\\s*)*\\)", "( … )").strip());
        return parts;
    }

    private SchemaScript export(String environment) {
        try {
            return environments.readCatalog(environment, new PostgresSchemaExporter()::exportForComparison);
        } catch (SQLException e) {
            throw new ToolException("Reading the schema of '" + environment + "' failed: " + e.getMessage());
        }
    }
}
