package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DDL that turns one schema into another — a migration's rollback (the schema after it into the one before it),
 * or what makes one environment like another — from the two scripts' objects and their dependencies:
 * <ol>
 * <li>renames undone first, so that the rest compares like with like;</li>
 * <li>objects the second schema lacks, or has otherwise and that cannot be changed in place, dropped — in reverse
 * dependency order, with everything that depends on them (a view over a column whose type changes, a function that
 * takes a type being rebuilt), and the columns a table must lose dropped at the table's place;</li>
 * <li>then, in the second schema's dependency order, tables changed in place (columns added back, types, defaults and
 * NOT NULL set back), enum types set back, and every object it has that is missing now made, with its comments,
 * owner and privileges.</li>
 * </ol>
 * Tables are never dropped and made again: their rows would go.
 */
public final class SchemaReconciler {

    /**
     * @param statements   the DDL, in order
     * @param irreversible what it cannot undo, each with what to do instead
     * @param notes        what a person should know before running it
     */
    public record Plan(List<String> statements, List<String> irreversible, List<String> notes) {}

    /**
     * @param from          the schema as it is
     * @param to            the schema as it must become
     * @param tableRenames  tables to rename first: current qualified name → qualified name in {@code to}
     * @param columnRenames columns to rename first, by table (either name): current column → column in {@code to}
     */
    public Plan plan(
            SchemaScript from,
            SchemaScript to,
            Map<String, String> tableRenames,
            Map<String, Map<String, String>> columnRenames) {
        return plan(from, to, tableRenames, columnRenames, false);
    }

    /**
     * @param exactColumnOrder make a table again where changing it in place would leave its columns in another order
     *                         (a column dropped and added back comes last): its rows are copied under an exclusive lock
     */
    public Plan plan(
            SchemaScript from,
            SchemaScript to,
            Map<String, String> tableRenames,
            Map<String, Map<String, String>> columnRenames,
            boolean exactColumnOrder) {
        List<String> down = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<SchemaObject> current = renamed(from.objects(), tableRenames, columnRenames, down);
        Map<String, SchemaObject> now = index(current);
        Map<String, SchemaObject> was = index(to.objects());

        Set<String> drop = new LinkedHashSet<>();
        Set<String> remake = new HashSet<>();
        Set<String> rebuilt = new HashSet<>();
        Set<String> columns = new HashSet<>();
        Map<String, TableDifference.Undo> tables = new HashMap<>();
        Map<String, EnumChange.Undo> enums = new HashMap<>();
        Map<String, List<String>> domains = new HashMap<>();
        Map<String, SchemaObject> rebuiltTables = new LinkedHashMap<>();
        List<SchemaObject> tableObjects =
                current.stream().filter(o -> !o.columns().isEmpty()).toList();
        List<SchemaObject> typeObjects = current.stream()
                .filter(o -> o.kind() == ObjectKind.TYPE || o.kind() == ObjectKind.DOMAIN)
                .toList();
        for (SchemaObject o : current) {
            SchemaObject target = was.get(o.key());
            if (target == null) {
                drop.add(o.key());
                continue;
            }
            if (target.definition().equals(o.definition())) {
                continue;
            }
            switch (o.kind()) {
                case TABLE, FOREIGN_TABLE -> {
                    TableDifference.Undo undo = TableDifference.of(o, target);
                    if (exactColumnOrder && o.kind() == ObjectKind.TABLE && TableRebuild.needed(o, target, undo)) {
                        if (o.statements().get(0).contains(" PARTITION ")
                                || o.statements().get(0).contains(" INHERITS ")
                                || current.stream()
                                        .anyMatch(other -> other.kind() == ObjectKind.TABLE
                                                && other.dependsOn().contains(o.key()))) {
                            irreversible.add(o.name()
                                    + ": its columns cannot be put back in order by making it again, being partitioned or "
                                    + "inherited; they come back last");
                        } else {
                            rebuiltTables.put(o.key(), target);
                            notes.add("restoring the column order of " + o.name()
                                    + " makes it again: every row is copied under an ACCESS "
                                    + "EXCLUSIVE lock held until the rollback commits, and its keys, indexes, triggers, foreign keys and the "
                                    + "views on it are made again");
                            continue;
                        }
                    }
                    tables.put(o.key(), undo);
                    irreversible.addAll(undo.irreversible());
                    undo.columnsRemade().forEach(c -> columns.add(o.key() + "#" + c));
                }
                case TYPE -> {
                    if (EnumChange.isEnum(o) && EnumChange.isEnum(target)) {
                        EnumChange.Undo undo = EnumChange.of(o, target, tableObjects, typeObjects);
                        enums.put(o.key(), undo);
                        columns.addAll(undo.columns());
                        notes.addAll(undo.notes());
                        irreversible.addAll(undo.irreversible());
                        if (undo.rebuilt()) {
                            rebuilt.add(o.key());
                        }
                    } else {
                        irreversible.add(o.name()
                                + " was changed; PostgreSQL cannot take that back in place while columns use it: "
                                + "rebuild the type by hand");
                    }
                }
                case DOMAIN -> domains.put(o.key(), DomainDifference.undo(o, target, irreversible));
                case SEQUENCE, FUNCTION, OWNER, COMMENT, SEQUENCE_OWNED_BY -> remake.add(o.key());
                case ROLE, OTHER -> {}
                default -> drop.add(o.key());
            }
        }
        // a partition attached or detached again keeps its keys, indexes and foreign keys: PostgreSQL pairs them with
        // the parent's
        Set<String> repartitioned = new HashSet<>();
        tables.forEach((key, undo) -> {
            if (undo.first().stream().anyMatch(s -> s.contains(" DETACH PARTITION "))
                    || undo.then().stream().anyMatch(s -> s.contains(" ATTACH PARTITION "))) {
                repartitioned.add(now.get(key).name());
            }
        });
        for (SchemaObject o : current) {
            if (o.table() != null
                    && repartitioned.contains(o.table())
                    && (o.kind() == ObjectKind.INDEX
                            || o.kind() == ObjectKind.CONSTRAINT
                            || o.kind() == ObjectKind.FOREIGN_KEY)) {
                drop.remove(o.key());
            }
        }
        rebuilt.addAll(rebuiltTables.keySet());
        Set<String> gone = closure(current, drop, rebuilt, columns, irreversible);

        for (int i = current.size() - 1; i >= 0; i--) {
            SchemaObject o = current.get(i);
            TableDifference.Undo table = tables.get(o.key());
            if (table != null) {
                down.addAll(table.first());
            }
            EnumChange.Undo type = enums.get(o.key());
            if (type != null) {
                down.addAll(type.statements());
            }
            SchemaObject rebuiltTable = rebuiltTables.get(o.key());
            if (rebuiltTable != null) {
                List<String> owned = current.stream()
                        .filter(s -> s.kind() == ObjectKind.SEQUENCE_OWNED_BY
                                && o.name().equals(s.table()))
                        .map(SchemaObject::name)
                        .toList();
                down.addAll(TableRebuild.statements(o, rebuiltTable, owned));
            }
            if (drop.contains(o.key()) && !goesWithAnother(o, drop, now, tables)) {
                String statement = Drops.of(o);
                if (statement != null) {
                    down.add(statement);
                }
            }
        }
        for (SchemaObject o : to.objects()) {
            TableDifference.Undo table = tables.get(o.key());
            if (table != null) {
                down.addAll(table.then());
            }
            down.addAll(domains.getOrDefault(o.key(), List.of()));
            SchemaObject is = now.get(o.key());
            if (o.table() != null
                    && repartitioned.contains(o.table())
                    && (o.kind() == ObjectKind.INDEX
                            || o.kind() == ObjectKind.CONSTRAINT
                            || o.kind() == ObjectKind.FOREIGN_KEY)) {
                continue;
            }
            if (is == null || drop.contains(o.key()) || gone.contains(o.key())) {
                down.addAll(o.statements());
            } else if (remake.contains(o.key())) {
                down.addAll(o.kind() == ObjectKind.SEQUENCE ? List.of(alterSequence(o)) : o.statements());
            }
        }
        return new Plan(down, irreversible, notes);
    }

    /** Renames undone first; the objects as they are once they are. */
    private static List<SchemaObject> renamed(
            List<SchemaObject> objects,
            Map<String, String> tableRenames,
            Map<String, Map<String, String>> columnRenames,
            List<String> down) {
        List<SchemaObject> current = new ArrayList<>(objects);
        for (Map.Entry<String, String> rename : tableRenames.entrySet()) {
            String key = SchemaObject.key(ObjectKind.TABLE, rename.getKey());
            if (current.stream().noneMatch(o -> o.key().equals(key))) {
                continue;
            }
            down.add("ALTER TABLE " + rename.getKey() + " RENAME TO "
                    + QualifiedName.of(rename.getValue()).name());
            current.replaceAll(o -> o.renamed(rename.getKey(), rename.getValue()));
        }
        for (int i = 0; i < current.size(); i++) {
            SchemaObject o = current.get(i);
            if (o.kind() != ObjectKind.TABLE) {
                continue;
            }
            String tableName = o.name();
            Map<String, String> renames = new LinkedHashMap<>(columnRenames.getOrDefault(tableName, Map.of()));
            tableRenames.forEach((nowName, wasName) -> {
                if (wasName.equals(tableName)) {
                    renames.putAll(columnRenames.getOrDefault(nowName, Map.of()));
                }
            });
            for (Map.Entry<String, String> column : renames.entrySet()) {
                if (o.columns().stream().anyMatch(c -> c.name().equals(column.getKey()))) {
                    down.add("ALTER TABLE " + o.name() + " RENAME COLUMN " + column.getKey() + " TO "
                            + column.getValue());
                    o = o.columnRenamed(column.getKey(), column.getValue());
                }
            }
            current.set(i, o);
        }
        return current;
    }

    /**
     * Everything that depends on what is dropped, on a type rebuilt or on a column dropped or retyped must go first
     * (and is made again if the target has it); comments, owners and privileges go with their object.
     *
     * @return the keys of the objects that went with others without being dropped themselves
     */
    private static Set<String> closure(
            List<SchemaObject> current,
            Set<String> drop,
            Set<String> rebuilt,
            Set<String> columns,
            List<String> irreversible) {
        Map<String, List<SchemaObject>> dependents = new HashMap<>();
        for (SchemaObject o : current) {
            o.dependsOn()
                    .forEach(d -> dependents
                            .computeIfAbsent(d, k -> new ArrayList<>())
                            .add(o));
        }
        Deque<String> queue = new ArrayDeque<>(drop);
        queue.addAll(rebuilt);
        for (SchemaObject o : current) {
            if (!o.columns().isEmpty()) {
                continue;
            }
            for (String used : o.usesColumns()) {
                if (columns.contains(used) && drop.add(o.key())) {
                    queue.add(o.key());
                }
            }
        }
        Set<String> gone = new HashSet<>();
        while (!queue.isEmpty()) {
            String key = queue.poll();
            for (SchemaObject dependent : dependents.getOrDefault(key, List.of())) {
                if (dependent.kind() == ObjectKind.TABLE || dependent.kind() == ObjectKind.FOREIGN_TABLE) {
                    if (!rebuilt.contains(key)
                            && !drop.contains(dependent.key())
                            && !key.startsWith(ObjectKind.SEQUENCE.label() + ":")) {
                        irreversible.add(dependent.name() + " uses " + key.substring(key.indexOf(':') + 1)
                                + ", which must be made again: change the table by hand");
                    }
                } else if (dependent.kind().describesAnother()) {
                    gone.add(dependent.key());
                } else if (drop.add(dependent.key())) {
                    queue.add(dependent.key());
                }
            }
        }
        return gone;
    }

    /** Dropped anyway when another object goes: a table's index, a partition with its parent, a comment with its object. */
    private static boolean goesWithAnother(
            SchemaObject o, Set<String> drop, Map<String, SchemaObject> now, Map<String, TableDifference.Undo> tables) {
        if (o.table() != null
                && o.kind() != ObjectKind.FOREIGN_KEY
                && o.kind().belongsToTable()
                && (drop.contains(SchemaObject.key(ObjectKind.TABLE, o.table()))
                        || drop.contains(SchemaObject.key(ObjectKind.VIEW, o.table()))
                        || drop.contains(SchemaObject.key(ObjectKind.MATERIALIZED_VIEW, o.table())))) {
            return true;
        }
        if (o.kind().describesAnother()
                || o.kind() == ObjectKind.INDEX
                || o.kind() == ObjectKind.CONSTRAINT
                || o.kind() == ObjectKind.TABLE) {
            for (String dependency : o.dependsOn()) {
                if (drop.contains(dependency)
                        && (o.kind().describesAnother()
                                || o.statements().get(0).contains(" PARTITION OF ")
                                || o.statements().stream().anyMatch(s -> s.contains(" ATTACH PARTITION ")))) {
                    return true;
                }
            }
        }
        if (o.kind() == ObjectKind.SEQUENCE) { // a sequence owned by a column goes with the column
            SchemaObject owned = now.get(SchemaObject.key(ObjectKind.SEQUENCE_OWNED_BY, o.name()));
            if (owned != null) {
                String tableKey = SchemaObject.key(ObjectKind.TABLE, owned.table());
                String column = owned.statements()
                        .get(0)
                        .substring(owned.statements().get(0).lastIndexOf('.') + 1);
                TableDifference.Undo table = tables.get(tableKey);
                return drop.contains(tableKey)
                        || table != null && table.first().stream().anyMatch(s -> s.endsWith(" DROP COLUMN " + column));
            }
        }
        return false;
    }

    private static String alterSequence(SchemaObject sequence) {
        String create = sequence.statements().get(0);
        return create.replaceFirst("^CREATE SEQUENCE", "ALTER SEQUENCE")
                + (create.endsWith(" CYCLE") ? "" : " NO CYCLE");
    }

    private static Map<String, SchemaObject> index(List<SchemaObject> objects) {
        Map<String, SchemaObject> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.put(o.key(), o));
        return byKey;
    }
}
