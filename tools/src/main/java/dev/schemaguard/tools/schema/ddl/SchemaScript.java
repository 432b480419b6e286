package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A schema as the ordered DDL that rebuilds it: one statement per entry, normalised so that two databases with the
 * same schema give the same script. Comparing two scripts is the schema diff.
 */
public record SchemaScript(List<String> statements) {

    public SchemaScript {
        statements = List.copyOf(statements);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        statements.forEach(s -> out.append(s).append(";\n"));
        return out.toString();
    }

    /** What {@code other} has that this lacks ({@code added}) and the reverse ({@code removed}), in script order. */
    public Diff diff(SchemaScript other) {
        Set<String> mine = new LinkedHashSet<>(statements);
        Set<String> theirs = new LinkedHashSet<>(other.statements);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String s : other.statements) {
            if (!mine.contains(s)) {
                added.add(s);
            }
        }
        for (String s : statements) {
            if (!theirs.contains(s)) {
                removed.add(s);
            }
        }
        return new Diff(added, removed);
    }

    /** @param added statements only the second schema has; {@code removed}: only the first */
    public record Diff(List<String> added, List<String> removed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }
}
