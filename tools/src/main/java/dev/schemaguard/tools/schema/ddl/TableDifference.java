package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one table differs between two scripts, undone in place with ALTER TABLE so that its rows stay: columns the
 * second lacks are dropped (first, while what depends on them goes), columns it has are added back, and types,
 * defaults, NOT NULL and identity are set back; a partition detached or attached is attached or detached again.
 */
final class TableDifference {

    /** What undoing it takes, in two steps, and what it cannot undo. */
    record Undo(List<String> first, List<String> then, List<String> irreversible, Set<String> columnsRemade) {}

    private TableDifference() {}

    /**
     * @param from the table as it is now
     * @param to   the table as it must become
     */
    static Undo of(SchemaObject from, SchemaObject to) {
        String table = to.name();
        List<String> first = new ArrayList<>();
        List<String> then = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        Set<String> remade = new java.util.LinkedHashSet<>();
        String fromCreate = from.statements().get(0);
        String toCreate = to.statements().get(0);
        boolean fromPartition = fromCreate.contains(" PARTITION OF ");
        boolean toPartition = toCreate.contains(" PARTITION OF ");
        if (fromPartition && !toPartition) {
            first.add("ALTER TABLE " + parentOf(fromCreate) + " DETACH PARTITION " + table);
        } else if (toPartition && !fromPartition) {
            then.add("ALTER TABLE " + parentOf(toCreate) + " ATTACH PARTITION " + table + " " + boundOf(toCreate));
        } else if (fromPartition && !fromCreate.equals(toCreate)) {
            irreversible.add(table + ": its partition bound or partitioning changed; undo it by hand");
        }
        if (!fromPartition && !toPartition && !suffix(fromCreate, from).equals(suffix(toCreate, to))) {
            options(table, suffix(fromCreate, from), suffix(toCreate, to), then, irreversible);
        }
        Map<String, String> now = columns(from);
        Map<String, String> was = columns(to);
        if (!toPartition) {
            for (String column : now.keySet()) {
                if (!was.containsKey(column) && !fromPartition) {
                    first.add("ALTER TABLE " + table + " DROP COLUMN " + column);
                    remade.add(column);
                }
            }
            for (Map.Entry<String, String> column : was.entrySet()) {
                String is = now.get(column.getKey());
                if (is == null && !fromPartition) {
                    then.add("ALTER TABLE " + table + " ADD COLUMN " + column.getValue());
                } else if (is != null && !is.equals(column.getValue())) {
                    then.addAll(alter(
                            table,
                            column.getKey(),
                            ColumnDefinition.of(column.getValue()),
                            ColumnDefinition.of(is),
                            irreversible,
                            remade));
                }
            }
        }
        List<String> fromExtras = from.statements().subList(1, from.statements().size());
        List<String> toExtras = to.statements().subList(1, to.statements().size());
        if (!fromExtras.equals(toExtras)) {
            toExtras.stream().filter(s -> !fromExtras.contains(s)).forEach(then::add);
            fromExtras.stream()
                    .filter(s -> !toExtras.contains(s))
                    .forEach(s ->
                            irreversible.add(table + ": \"" + s + "\" was set by the migration; set it back by hand"));
        }
        return new Undo(first, then, irreversible, remade);
    }

    private static List<String> alter(
            String table,
            String column,
            ColumnDefinition was,
            ColumnDefinition is,
            List<String> irreversible,
            Set<String> remade) {
        List<String> down = new ArrayList<>();
        String alter = "ALTER TABLE " + table + " ALTER COLUMN " + column;
        if (!Objects.equals(was.generated(), is.generated())) {
            irreversible.add(table + "." + column
                    + ": its generation expression changed; PostgreSQL cannot set one on an existing column: "
                    + "undo it by hand");
        }
        if (!Objects.equals(was.identity(), is.identity())) {
            if (is.identity() != null) {
                down.add(alter + " DROP IDENTITY");
            }
            if (was.identity() != null) {
                down.add(alter + " ADD " + was.identity());
            }
        }
        boolean retyped = !was.type().equals(is.type());
        if (retyped && is.defaultValue() != null) {
            down.add(alter + " DROP DEFAULT");
        }
        if (retyped) {
            String type = was.type().replaceFirst(" COLLATE .*$", "");
            down.add(alter + " TYPE " + was.type() + " USING " + column + "::" + type);
            remade.add(column);
        }
        if (!Objects.equals(was.defaultValue(), is.defaultValue()) || retyped && was.defaultValue() != null) {
            down.add(
                    was.defaultValue() == null
                            ? alter + " DROP DEFAULT"
                            : alter + " SET DEFAULT " + was.defaultValue());
        }
        if (was.notNull() != is.notNull()) {
            down.add(alter + (was.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        return down;
    }

    private static void options(String table, String from, String to, List<String> then, List<String> irreversible) {
        String fromRest = from.replaceFirst(" WITH \\(.*\\)$", "");
        String toRest = to.replaceFirst(" WITH \\(.*\\)$", "");
        if (!fromRest.equals(toRest)) {
            irreversible.add(table + ": its inheritance, partitioning or storage changed; undo it by hand");
            return;
        }
        String toOptions = to.contains(" WITH (") ? to.substring(to.indexOf(" WITH (") + 7, to.length() - 1) : "";
        String fromOptions =
                from.contains(" WITH (") ? from.substring(from.indexOf(" WITH (") + 7, from.length() - 1) : "";
        List<String> reset = new ArrayList<>();
        for (String option : fromOptions.isEmpty() ? new String[0] : fromOptions.split(", ")) {
            String name = option.substring(0, option.indexOf('='));
            if (!toOptions.contains(name + "=")) {
                reset.add(name);
            }
        }
        if (!reset.isEmpty()) {
            then.add("ALTER TABLE " + table + " RESET (" + String.join(", ", reset) + ")");
        }
        if (!toOptions.isEmpty()) {
            then.add("ALTER TABLE " + table + " SET (" + toOptions + ")");
        }
    }

    /** Column name → definition, from the table object (its own columns, in order). */
    static Map<String, String> columns(SchemaObject table) {
        Map<String, String> columns = new LinkedHashMap<>();
        table.columns().forEach(c -> columns.put(c.name(), c.definition()));
        return columns;
    }

    /** What follows the column list: INHERITS, PARTITION BY, USING, WITH. */
    private static String suffix(String create, SchemaObject table) {
        String list = "("
                + String.join(
                        ", ",
                        table.columns().stream()
                                .map(SchemaObject.Column::definition)
                                .toList()) + ")";
        int at = create.indexOf(list);
        return at < 0 ? "" : create.substring(at + list.length()).strip();
    }

    private static String parentOf(String create) {
        int start = create.indexOf(" PARTITION OF ") + 14;
        return create.substring(start, endOfName(create, start));
    }

    private static String boundOf(String create) {
        int start = create.indexOf(" PARTITION OF ") + 14;
        return create.substring(endOfName(create, start) + 1).replaceFirst(" PARTITION BY .*$", "");
    }

    /** Where a possibly quoted, possibly qualified name that starts at {@code start} ends. */
    static int endOfName(String text, int start) {
        int i = start;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ' ' || c == '(' || c == ',')) {
                break;
            }
            i++;
        }
        return i;
    }
}
