package dev.schemaguard.tools.schema.ddl;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The dependencies between the script's objects, read from {@code pg_depend} (a view's query through its rewrite rule, a
 * column default through {@code pg_attrdef}, a constraint's expression, a function's argument and result types, a
 * member of an extension standing for the extension) and turned into object keys. Dependencies on built-in objects
 * and on schemas (written first anyway) are left out in the query.
 */
final class DependencyReader {

    private final ExportContext x;

    DependencyReader(ExportContext x) {
        this.x = x;
    }

    void read() throws SQLException {
        Map<String, Set<String>> all = new HashMap<>();
        Map<String, Set<String>> main = new HashMap<>();
        Map<String, Set<String>> columns = new HashMap<>();
        String sequence = ObjectKind.SEQUENCE.label() + ":";
        x.rows(
                "SELECT d.classid, d.objid, d.refclassid, d.refobjid, quote_ident(a.attname), d.deptype = 'a' FROM pg_depend d "
                        + "LEFT JOIN pg_attribute a ON d.refobjsubid > 0 AND d.refclassid = 'pg_class'::regclass AND a.attrelid = d.refobjid "
                        + "AND a.attnum = d.refobjsubid WHERE d.deptype IN ('n','a') AND d.objid >= 16384 AND d.refobjid >= 16384 "
                        + "AND d.refclassid <> 'pg_namespace'::regclass "
                        // a constraint's or index's automatic dependency on its own table: the readers say it
                        // themselves
                        + "AND NOT (d.deptype = 'a' AND d.refclassid = 'pg_class'::regclass AND d.classid IN ('pg_constraint'::regclass, 'pg_class'::regclass))",
                rs -> {
                    ExportContext.Ref dependent = x.refOf(rs.getLong(1), rs.getLong(2));
                    if (dependent == null) {
                        return;
                    }
                    ExportContext.Ref referenced = x.refOf(rs.getLong(3), rs.getLong(4));
                    if (referenced == null
                            || referenced.key().equals(dependent.key())
                            || rs.getBoolean(6) && dependent.key().startsWith(sequence)) {
                        return;
                    }
                    all.computeIfAbsent(dependent.key(), k -> new LinkedHashSet<>())
                            .add(referenced.key());
                    if (!dependent.separable()) {
                        main.computeIfAbsent(dependent.key(), k -> new LinkedHashSet<>())
                                .add(referenced.key());
                    }
                    if (rs.getString(5) != null && referenced.key().startsWith(ObjectKind.TABLE.label() + ":")) {
                        columns.computeIfAbsent(dependent.key(), k -> new LinkedHashSet<>())
                                .add(referenced.key() + "#" + rs.getString(5));
                    }
                });
        all.forEach((key, dependencies) -> {
            SchemaObject o = x.object(key);
            Set<String> used = columns.getOrDefault(key, Set.of());
            SchemaObject.Split split = o.split();
            if (split != null) {
                Set<String> firstNeeds = new LinkedHashSet<>(o.dependsOn());
                firstNeeds.addAll(main.getOrDefault(key, Set.of()));
                split = new SchemaObject.Split(split.first(), firstNeeds, split.rest());
            }
            Set<String> merged = new LinkedHashSet<>(o.dependsOn());
            merged.addAll(dependencies);
            merged.remove(key);
            x.replace(new SchemaObject(
                    o.kind(), o.name(), o.table(), o.sqlName(), o.statements(), merged, used, o.columns(), split));
        });
        for (SchemaObject o : x.objects()) {
            if (o.split() != null && !all.containsKey(o.key())) {
                x.replace(o.withSplit(new SchemaObject.Split(
                        o.split().first(), o.dependsOn(), o.split().rest())));
            }
        }
    }
}
