package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A schema as the objects that make it up, in an order that creates each after what it depends on, and the DDL that
 * rebuilds it. Two databases with the same schema give the same objects; comparing two scripts object by object is
 * the schema diff.
 */
public final class SchemaScript {

    /** Said before the script runs, as pg_dump's restore does: function bodies are checked when they run, not when made. */
    public static final List<String> SESSION = List.of("SET check_function_bodies = false");

    private final List<SchemaObject> objects;
    private final List<String> statements;
    private final List<String> postData;
    private final List<String> notCopied;
    private final Map<String, SchemaObject> byKey;

    private SchemaScript(
            List<SchemaObject> objects, List<String> statements, List<String> postData, List<String> notCopied) {
        this.objects = List.copyOf(objects);
        this.statements = List.copyOf(statements);
        this.postData = List.copyOf(postData);
        this.notCopied = List.copyOf(notCopied);
        this.byKey = new LinkedHashMap<>();
        this.objects.forEach(o -> byKey.put(o.key(), o));
    }

    static SchemaScript of(DependencySort.Result sorted, List<String> notCopied) {
        Set<String> refreshes = new HashSet<>();
        List<String> postData = new ArrayList<>();
        for (SchemaObject o : sorted.objects()) {
            if (o.kind() == ObjectKind.REFRESH) {
                refreshes.addAll(o.statements());
                postData.addAll(o.statements());
            }
        }
        List<String> statements = new ArrayList<>(SESSION);
        sorted.statements().stream().filter(s -> !refreshes.contains(s)).forEach(statements::add);
        return new SchemaScript(sorted.objects(), statements, postData, notCopied);
    }

    /**
     * The objects {@code keep} accepts, in this script's order, with their own statements: for comparing or reconciling
     * part of a schema (never for making a copy: split objects lose their order).
     */
    public SchemaScript only(java.util.function.Predicate<SchemaObject> keep) {
        List<SchemaObject> kept = objects.stream().filter(keep).toList();
        List<String> statements = new ArrayList<>(SESSION);
        kept.forEach(o -> statements.addAll(o.statements()));
        return new SchemaScript(kept, statements, List.of(), notCopied);
    }

    /** Each object as {@code f} makes it, in this script's order: for comparing (never for making a copy). */
    public SchemaScript map(java.util.function.UnaryOperator<SchemaObject> f) {
        List<SchemaObject> mapped = objects.stream().map(f).toList();
        List<String> statements = new ArrayList<>(SESSION);
        mapped.forEach(o -> statements.addAll(o.statements()));
        return new SchemaScript(mapped, statements, List.of(), notCopied);
    }

    /** Statements known only as text (each its own object): for tests and scratch schemas. */
    public static SchemaScript ofStatements(List<String> statements) {
        List<SchemaObject> objects = statements.stream()
                .map(s -> SchemaObject.of(ObjectKind.OTHER, s, null, null, List.of(s)))
                .toList();
        return new SchemaScript(objects, statements, List.of(), List.of());
    }

    /** The objects in the order they are created. */
    public List<SchemaObject> objects() {
        return objects;
    }

    public SchemaObject object(String key) {
        return byKey.get(key);
    }

    /** The DDL that rebuilds the schema (without data): run these in one session, in order. */
    public List<String> statements() {
        return statements;
    }

    /** What comes after the data: refreshing the materialized views that were populated. */
    public List<String> postData() {
        return postData;
    }

    /** What the target holds that this script cannot make (and why): a copy made from it differs there. */
    public List<String> notCopied() {
        return notCopied;
    }

    private String text;

    /** The whole script as one text (its identity: the sandbox template's key, a check report's id); made once. */
    public String text() {
        if (text == null) {
            StringBuilder out = new StringBuilder();
            statements.forEach(s -> out.append(s).append(";\n"));
            postData.forEach(s -> out.append(s).append(";\n"));
            text = out.toString();
        }
        return text;
    }

    /** What {@code other} has that this lacks or has otherwise ({@code added}) and the reverse ({@code removed}). */
    public Diff diff(SchemaScript other) {
        return diff(other, false);
    }

    /**
     * @param ignoreColumnOrder compare a table's columns as a set: a column dropped and added again at the end is
     *                          the same table
     */
    public Diff diff(SchemaScript other, boolean ignoreColumnOrder) {
        List<Change> changes = new ArrayList<>();
        for (SchemaObject mine : objects) {
            SchemaObject theirs = other.byKey.get(mine.key());
            if (theirs == null) {
                changes.add(new Change(mine.key(), mine, null));
            } else if (!comparable(mine, ignoreColumnOrder).equals(comparable(theirs, ignoreColumnOrder))) {
                changes.add(new Change(mine.key(), mine, theirs));
            }
        }
        for (SchemaObject theirs : other.objects) {
            if (!byKey.containsKey(theirs.key())) {
                changes.add(new Change(theirs.key(), null, theirs));
            }
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Change c : changes) {
            if (c.before() != null) {
                removed.add(c.before().definition());
            }
        }
        Map<String, Change> byKeyChanged = new LinkedHashMap<>();
        changes.forEach(c -> byKeyChanged.put(c.key(), c));
        for (SchemaObject theirs : other.objects) {
            Change c = byKeyChanged.get(theirs.key());
            if (c != null && c.after() != null) {
                added.add(c.after().definition());
            }
        }
        return new Diff(added, removed, changes);
    }

    private static String comparable(SchemaObject o, boolean ignoreColumnOrder) {
        if (!ignoreColumnOrder || o.columns().size() < 2) {
            return o.definition();
        }
        String inOrder = "("
                + String.join(
                        ", ",
                        o.columns().stream()
                                .map(SchemaObject.Column::definition)
                                .toList()) + ")";
        String sorted = "("
                + String.join(
                        ", ",
                        o.columns().stream()
                                .sorted(Comparator.comparing(SchemaObject.Column::name))
                                .map(SchemaObject.Column::definition)
                                .toList())
                + ")";
        return o.definition().replace(inOrder, sorted);
    }

    /**
     * One object that differs.
     *
     * @param before as the first script has it; null if only the second has it
     * @param after  as the second script has it; null if only the first has it
     */
    public record Change(String key, SchemaObject before, SchemaObject after) {

        public ObjectKind kind() {
            return before != null ? before.kind() : after.kind();
        }

        /** Only the order of a table's columns differs. */
        public boolean columnOrderOnly() {
            return before != null
                    && after != null
                    && !before.definition().equals(after.definition())
                    && comparable(before, true).equals(comparable(after, true));
        }
    }

    /**
     * @param added   definitions only the second schema has (or has otherwise), in its order
     * @param removed definitions only the first has (or has otherwise), in its order
     * @param changes the same, per object
     */
    public record Diff(List<String> added, List<String> removed, List<Change> changes) {

        public Diff {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changes = List.copyOf(changes);
        }

        public boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaScript s && s.statements.equals(statements) && s.postData.equals(postData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statements, postData);
    }
}
