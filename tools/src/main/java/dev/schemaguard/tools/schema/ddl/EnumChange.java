package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An enum type's values set back. Values renamed are renamed back and values dropped (by a rebuild) are added back
 * in place; values added cannot be dropped in PostgreSQL, so the type is rebuilt: a new type with the old values, every
 * column of it converted through text (which fails, naming the value, while a row still holds an added value), and the
 * old type dropped. What depends on the type or on those columns is dropped first and made again after.
 */
final class EnumChange {

    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

    /**
     * @param columns the columns converted by a rebuild, as {@code table:t#column} (what depends on them must be remade)
     * @param rebuilt whether the type is made anew (its owner, comment and privileges must then be set again)
     */
    record Undo(
            List<String> statements,
            Set<String> columns,
            boolean rebuilt,
            List<String> notes,
            List<String> irreversible) {}

    private EnumChange() {}

    static boolean isEnum(SchemaObject o) {
        return o.kind() == ObjectKind.TYPE && o.statements().get(0).contains(" AS ENUM (");
    }

    static List<String> labels(SchemaObject type) {
        String statement = type.statements().get(0);
        Matcher m = LABEL.matcher(statement.substring(statement.indexOf(" AS ENUM (")));
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(m.group(1).replace("''", "'"));
        }
        return labels;
    }

    /** @param tables the tables as they are now, for the columns of the type */
    static Undo of(SchemaObject from, SchemaObject to, List<SchemaObject> tables, List<SchemaObject> types) {
        List<String> now = labels(from);
        List<String> was = labels(to);
        String type = to.name();
        List<String> statements = new ArrayList<>();
        if (now.size() == was.size() && renamesOnly(now, was)) {
            for (int i = 0; i < now.size(); i++) {
                if (!now.get(i).equals(was.get(i))) {
                    statements.add("ALTER TYPE " + type + " RENAME VALUE " + literal(now.get(i)) + " TO "
                            + literal(was.get(i)));
                }
            }
            return new Undo(statements, Set.of(), false, List.of(), List.of());
        }
        if (was.containsAll(now) && inOrder(now, was)) {
            for (int i = 0; i < was.size(); i++) {
                if (!now.contains(was.get(i))) {
                    String next = was.subList(i + 1, was.size()).stream()
                            .filter(now::contains)
                            .findFirst()
                            .orElse(null);
                    statements.add("ALTER TYPE " + type + " ADD VALUE " + literal(was.get(i))
                            + (next == null ? "" : " BEFORE " + literal(next)));
                }
            }
            return new Undo(statements, Set.of(), false, List.of(), List.of());
        }
        return rebuild(from, to, now, was, tables, types);
    }

    private static Undo rebuild(
            SchemaObject from,
            SchemaObject to,
            List<String> now,
            List<String> was,
            List<SchemaObject> tables,
            List<SchemaObject> types) {
        String type = to.name();
        List<String> irreversible = new ArrayList<>();
        for (SchemaObject other : types) {
            if (other.kind() == ObjectKind.DOMAIN && other.statements().get(0).contains(" AS " + type)
                    || other.kind() == ObjectKind.TYPE
                            && !other.key().equals(from.key())
                            && other.statements().get(0).contains(" " + type)) {
                irreversible.add(
                        other.name() + " is built on " + type + ", which the rollback rebuilds: make it again by hand");
            }
        }
        QualifiedName name = QualifiedName.of(type);
        String bare = name.bareName();
        String old = quote((bare.length() > 40 ? bare.substring(0, 40) : bare) + "_before_rollback");
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TYPE " + type + " RENAME TO " + old);
        statements.add(to.statements().get(0));
        Set<String> columns = new HashSet<>();
        for (SchemaObject table : tables) {
            for (SchemaObject.Column c : table.columns()) {
                ColumnDefinition column = ColumnDefinition.of(c.definition());
                boolean array = column.type().equals(type + "[]");
                if (!array && !column.type().equals(type)) {
                    continue;
                }
                String alter = "ALTER TABLE " + table.name() + " ALTER COLUMN " + c.name();
                if (column.defaultValue() != null) {
                    statements.add(alter + " DROP DEFAULT");
                }
                statements.add(alter + " TYPE " + column.type() + " USING " + c.name()
                        + (array ? "::text[]::" : "::text::") + column.type());
                if (column.defaultValue() != null) {
                    statements.add(alter + " SET DEFAULT " + column.defaultValue());
                }
                columns.add(table.key() + "#" + c.name());
            }
        }
        statements.add("DROP TYPE " + name.qualify(old));
        List<String> added = now.stream().filter(l -> !was.contains(l)).toList();
        List<String> notes = added.isEmpty()
                ? List.of()
                : List.of(type + " is rebuilt without "
                        + String.join(
                                ", ", added.stream().map(EnumChange::literal).toList())
                        + ": the rollback fails, naming the value, while any row still holds "
                        + (added.size() == 1 ? "it" : "one of them") + " — change those rows first");
        return new Undo(statements, columns, true, notes, irreversible);
    }

    private static boolean renamesOnly(List<String> now, List<String> was) {
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).equals(was.get(i)) && (now.contains(was.get(i)) || was.contains(now.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inOrder(List<String> sub, List<String> all) {
        int at = -1;
        for (String label : sub) {
            int i = all.indexOf(label);
            if (i < at) {
                return false;
            }
            at = i;
        }
        return true;
    }

    private static String literal(String label) {
        return "'" + label.replace("'", "''") + "'";
    }

    private static String quote(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
