package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The dependency sort alone on the objects of a TABLES-table schema (a table, its key, check, foreign key, index,
 * comment and owner, as the export benchmark's schema has), median of RUNS runs after a warm-up. Prints measured numbers.
 */
public final class DependencySortBenchmark {

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<SchemaObject> objects = new ArrayList<>();
        for (int i = 1; i <= tables; i++) {
            String t = String.format("app.t_%05d", i);
            String table = "table:" + t;
            objects.add(new SchemaObject(
                    ObjectKind.TABLE,
                    t,
                    null,
                    "TABLE " + t,
                    List.of("CREATE TABLE " + t),
                    Set.of(),
                    Set.of(),
                    List.of(),
                    null));
            objects.add(new SchemaObject(
                    ObjectKind.CONSTRAINT,
                    t + ".pk",
                    t,
                    null,
                    List.of("pk"),
                    Set.of(table),
                    Set.of(),
                    List.of(),
                    null));
            objects.add(new SchemaObject(
                    ObjectKind.CONSTRAINT,
                    t + ".check",
                    t,
                    null,
                    List.of("check"),
                    Set.of(table),
                    Set.of(),
                    List.of(),
                    null));
            objects.add(new SchemaObject(
                    ObjectKind.INDEX, t + "_idx", t, null, List.of("index"), Set.of(table), Set.of(), List.of(), null));
            if (i > 1) {
                objects.add(new SchemaObject(
                        ObjectKind.FOREIGN_KEY,
                        t + ".fk",
                        t,
                        null,
                        List.of("fk"),
                        Set.of(table, "constraint:" + String.format("app.t_%05d", i - 1) + ".pk"),
                        Set.of(),
                        List.of(),
                        null));
            }
            objects.add(new SchemaObject(
                    ObjectKind.COMMENT,
                    "TABLE " + t,
                    null,
                    null,
                    List.of("comment"),
                    Set.of(table),
                    Set.of(),
                    List.of(),
                    null));
            objects.add(new SchemaObject(
                    ObjectKind.OWNER,
                    "TABLE " + t,
                    null,
                    null,
                    List.of("owner"),
                    Set.of(table),
                    Set.of(),
                    List.of(),
                    null));
        }
        java.util.Collections.shuffle(objects, new java.util.Random(7));
        long[] times = new long[runs];
        for (int warm = 0; warm < 10; warm++) {
            DependencySort.sort(objects);
        }
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            DependencySort.sort(objects);
            times[r] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf(
                "dependency sort of %d objects (%d tables): median %.1f ms, min %.1f ms, max %.1f ms over %d runs%n",
                objects.size(), tables, times[runs / 2] / 1e6, times[0] / 1e6, times[runs - 1] / 1e6, runs);
    }
}
