package dev.schemaguard.tools.schema.ddl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One object of a schema script: what it is, the DDL that creates it, and what must exist before it.
 *
 * @param kind       what it is
 * @param name       its identity within the kind: a qualified name ({@code public.film}), a signature
 *                   ({@code public.film_in_stock(integer,integer)}), or for objects on a table the table and its own
 *                   name ({@code public.film.film_pkey})
 * @param table      the table (or view) it belongs to, qualified; null for free-standing objects
 * @param sqlName    how SQL names it after {@code COMMENT ON} / {@code DROP}: {@code TABLE public.film},
 *                   {@code TRIGGER last_updated ON public.film}; null where SQL has no such name
 * @param statements the DDL that creates it, in order
 * @param dependsOn  keys of the objects that must exist first
 * @param usesColumns the table columns it depends on, as {@code table:public.film#rental_rate}: what must be dropped
 *                   and made again when such a column's type changes
 * @param columns    a table's columns in order (empty for other kinds)
 * @param split      how to create it in two steps when it is part of a dependency cycle; null if it cannot be split
 */
public record SchemaObject(
        ObjectKind kind,
        String name,
        String table,
        String sqlName,
        List<String> statements,
        Set<String> dependsOn,
        Set<String> usesColumns,
        List<Column> columns,
        Split split) {

    public SchemaObject {
        statements = List.copyOf(statements);
        dependsOn = Set.copyOf(dependsOn);
        usesColumns = Set.copyOf(usesColumns);
        columns = List.copyOf(columns);
    }

    public static SchemaObject of(ObjectKind kind, String name, String table, String sqlName, List<String> statements) {
        return new SchemaObject(kind, name, table, sqlName, statements, Set.of(), Set.of(), List.of(), null);
    }

    /** The identity across two scripts, e.g. {@code table:public.film}. */
    public String key() {
        return key(kind, name);
    }

    public static String key(ObjectKind kind, String name) {
        return kind.label() + ":" + name;
    }

    /** The text two scripts compare: its statements, joined. */
    public String definition() {
        return statements.size() == 1 ? statements.get(0) : String.join(";\n", statements);
    }

    public SchemaObject withDependencies(Set<String> dependencies, Set<String> columnsUsed) {
        Set<String> all = new LinkedHashSet<>(dependsOn);
        all.addAll(dependencies);
        all.remove(key());
        Set<String> used = new LinkedHashSet<>(usesColumns);
        used.addAll(columnsUsed);
        return new SchemaObject(kind, name, table, sqlName, statements, all, used, columns, split);
    }

    public SchemaObject withColumns(List<Column> tableColumns) {
        return new SchemaObject(kind, name, table, sqlName, statements, dependsOn, usesColumns, tableColumns, split);
    }

    public SchemaObject withSplit(Split twoSteps) {
        return new SchemaObject(kind, name, table, sqlName, statements, dependsOn, usesColumns, columns, twoSteps);
    }

    /**
     * The object with every mention of the qualified name {@code from} (a renamed table) read as {@code to}: in its
     * identity, its DDL and its dependencies.
     */
    public SchemaObject renamed(String from, String to) {
        java.util.function.UnaryOperator<String> r = text -> text == null
                ? null
                : java.util.regex.Pattern.compile(
                                "(?<![\\w$\"])" + java.util.regex.Pattern.quote(from) + "(?![\\w$\"])")
                        .matcher(text)
                        .replaceAll(java.util.regex.Matcher.quoteReplacement(to));
        return new SchemaObject(
                kind,
                r.apply(name),
                r.apply(table),
                r.apply(sqlName),
                statements.stream().map(r).toList(),
                dependsOn.stream().map(r).collect(java.util.stream.Collectors.toSet()),
                usesColumns.stream().map(r).collect(java.util.stream.Collectors.toSet()),
                columns,
                split);
    }

    /** The table with its column {@code from} named {@code to}. */
    public SchemaObject columnRenamed(String from, String to) {
        List<Column> renamed = new java.util.ArrayList<>();
        List<String> renamedStatements = new java.util.ArrayList<>(statements);
        for (Column c : columns) {
            if (c.name().equals(from)) {
                Column now = new Column(to, to + c.definition().substring(from.length()));
                renamed.add(now);
                renamedStatements.set(0, renamedStatements.get(0).replace(c.definition(), now.definition()));
            } else {
                renamed.add(c);
            }
        }
        return new SchemaObject(kind, name, table, sqlName, renamedStatements, dependsOn, usesColumns, renamed, split);
    }

    /**
     * A table column as the script writes it.
     *
     * @param definition {@code name type [COLLATE c] [identity | generated | DEFAULT e] [NOT NULL]}
     */
    public record Column(String name, String definition) {}

    /**
     * Two-step creation that breaks a dependency cycle, as pg_dump does: a view's shell (its columns, no query) or a
     * table without the defaults that call functions first; the rest once everything it needs exists.
     *
     * @param first          statements that create the object in a usable, incomplete form
     * @param firstDependsOn keys that the first step needs (a subset of the object's dependencies)
     * @param rest           statements that complete it
     */
    public record Split(List<String> first, Set<String> firstDependsOn, List<String> rest) {

        public Split {
            first = List.copyOf(first);
            firstDependsOn = Set.copyOf(firstDependsOn);
            rest = List.copyOf(rest);
        }
    }
}
