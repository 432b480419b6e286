package dev.schemaguard.tools.inspect;

import dev.schemaguard.tools.schema.ObjectKey;
import dev.schemaguard.tools.schema.Routine;
import dev.schemaguard.tools.schema.Sequence;
import dev.schemaguard.tools.schema.Table;
import dev.schemaguard.tools.schema.Trigger;
import dev.schemaguard.tools.schema.UserType;
import dev.schemaguard.tools.schema.postgres.PostgresCatalogReader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fills one page: reads the objects' details a batch at a time (a few bulk queries per batch) and takes them in
 * order while they fit the budget.
 */
final class PageBuilder {

    private final PostgresCatalogReader reader;
    private final Connection connection;
    private final boolean full;
    private final PageSizer sizer;
    private final List<Table> tables = new ArrayList<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private final List<UserType> types = new ArrayList<>();
    private final List<Routine> routines = new ArrayList<>();
    private final List<InspectResult.IndexEntry> indexes = new ArrayList<>();
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<Object> added = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private int count;

    PageBuilder(PostgresCatalogReader reader, Connection connection, boolean full, PageSizer sizer) {
        this.reader = reader;
        this.connection = connection;
        this.full = full;
        this.sizer = sizer;
    }

    /** Takes objects from {@code keys} in order until the budget is spent; returns how many were taken. */
    int fill(List<ObjectKey> keys, int batchSize) throws SQLException {
        for (int from = 0; from < keys.size(); from += batchSize) {
            List<ObjectKey> batch = keys.subList(from, Math.min(keys.size(), from + batchSize));
            Map<Long, Object> details = read(batch);
            for (ObjectKey key : batch) {
                Object detail = details.get(key.oid());
                if (detail == null) {
                    count++; // dropped since it was listed: skip it, but keep the cursor moving
                    continue;
                }
                if (!sizer.fits(detail)) {
                    return count;
                }
                add(detail);
                added.add(detail);
                positions.add(count);
                count++;
            }
        }
        return count;
    }

    private Map<Long, Object> read(List<ObjectKey> batch) throws SQLException {
        Map<dev.schemaguard.tools.schema.ObjectKind, List<Long>> byKind =
                new EnumMap<>(dev.schemaguard.tools.schema.ObjectKind.class);
        for (ObjectKey key : batch) {
            byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key.oid());
        }
        Map<Long, Object> result = new java.util.HashMap<>();
        List<Long> relations = new ArrayList<>();
        for (var e : byKind.entrySet()) {
            switch (e.getKey()) {
                case TABLE, VIEW, MATERIALIZED_VIEW -> relations.addAll(e.getValue());
                case SEQUENCE -> result.putAll(reader.sequences(connection, e.getValue()));
                case ENUM, DOMAIN -> result.putAll(reader.types(connection, e.getValue()));
                case FUNCTION, PROCEDURE -> result.putAll(reader.routines(connection, e.getValue()));
                case INDEX ->
                    reader.indexesByOid(connection, e.getValue())
                            .forEach((oid, entry) ->
                                    result.put(oid, new InspectResult.IndexEntry(entry.getKey(), entry.getValue())));
                case TRIGGER -> result.putAll(reader.triggersByOid(connection, e.getValue()));
            }
        }
        result.putAll(reader.tables(connection, relations, full));
        return result;
    }

    private void add(Object detail) {
        if (detail instanceof Table t) {
            tables.add(t);
        } else if (detail instanceof Sequence s) {
            sequences.add(s);
        } else if (detail instanceof UserType u) {
            types.add(u);
        } else if (detail instanceof Routine r) {
            routines.add(r);
        } else if (detail instanceof InspectResult.IndexEntry i) {
            indexes.add(i);
        } else if (detail instanceof Trigger t) {
            triggers.add(t);
        }
    }

    /** Takes back the last object added, so the page ends before it; false when the page is empty. */
    boolean removeLast() {
        if (added.isEmpty()) {
            return false;
        }
        Object last = added.remove(added.size() - 1);
        count = positions.remove(positions.size() - 1);
        for (List<?> list : List.of(tables, sequences, types, routines, indexes, triggers)) {
            if (!list.isEmpty() && list.get(list.size() - 1) == last) {
                list.remove(list.size() - 1);
                break;
            }
        }
        return true;
    }

    int count() {
        return count;
    }

    List<Table> tables() {
        return tables;
    }

    List<Sequence> sequences() {
        return sequences;
    }

    List<UserType> types() {
        return types;
    }

    List<Routine> routines() {
        return routines;
    }

    List<InspectResult.IndexEntry> indexes() {
        return indexes;
    }

    List<Trigger> triggers() {
        return triggers;
    }
}
