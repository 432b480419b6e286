package dev.schemaguard.tools.schema.ddl;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema exporter on a generated schema of TABLES tables (keys, defaults, a foreign key chain, an index, a check
 * and a comment each): each reader's time, the dependency sort's, and the whole export, median of RUNS warm runs.
 * Run with {@code bench/schema-export.sh [TABLES] [RUNS]}; prints measured numbers.
 */
public final class SchemaExportBenchmark {

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TestDatabase db = TestPostgres.createDatabase("export_bench");
        long loading = System.nanoTime();
        db.execute("CREATE SCHEMA app");
        db.execute("""
                DO $$BEGIN
                  FOR i IN 1..%d LOOP
                    EXECUTE format('CREATE TABLE app.t_%%s (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, c_1 integer NOT NULL DEFAULT 0, '
                      'c_2 text CHECK (c_2 <> ''''), c_3 varchar(100), c_4 timestamptz NOT NULL DEFAULT now(), c_5 bigint%%s)', lpad(i::text, 5, '0'),
                      CASE WHEN i > 1 THEN format(' REFERENCES app.t_%%s (id)', lpad((i - 1)::text, 5, '0')) ELSE '' END);
                    EXECUTE format('CREATE INDEX ON app.t_%%s (c_1)', lpad(i::text, 5, '0'));
                    EXECUTE format('COMMENT ON TABLE app.t_%%s IS ''table %%s''', lpad(i::text, 5, '0'), i);
                    IF i %% 500 = 0 THEN COMMIT; END IF;
                  END LOOP;
                END$$""".formatted(tables));
        System.out.printf("schema of %d tables loaded in %d ms%n", tables, (System.nanoTime() - loading) / 1_000_000);
        Map<String, List<Long>> times = new LinkedHashMap<>();
        PostgresSchemaExporter exporter = new PostgresSchemaExporter();
        int objects = 0;
        for (int run = 0; run <= runs; run++) {
            try (Connection c = db.connect()) {
                long t0 = System.nanoTime();
                SchemaScript script = exporter.export(c);
                long whole = System.nanoTime() - t0;
                objects = script.objects().size();
                Map<String, Long> parts = timedParts(c);
                if (run > 0) { // the first run warms the JIT and the server's caches
                    times.computeIfAbsent("whole export", k -> new ArrayList<>())
                            .add(whole);
                    parts.forEach((k, v) ->
                            times.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
            }
        }
        System.out.printf("%d objects; median of %d warm runs:%n", objects, runs);
        times.forEach((part, list) -> {
            Collections.sort(list);
            System.out.printf("  %-22s %8.1f ms%n", part, list.get(list.size() / 2) / 1e6);
        });
    }

    /** The export again, reader by reader. */
    private static Map<String, Long> timedParts(Connection c) throws SQLException {
        Map<String, Long> parts = new LinkedHashMap<>();
        c.setAutoCommit(false);
        try (var s = c.createStatement()) {
            s.execute("SELECT pg_catalog.set_config('search_path', '', true)");
        }
        ExportContext x = new ExportContext(c, c.getMetaData().getDatabaseMajorVersion());
        long t = System.nanoTime();
        new DatabaseObjectsReader(x).read();
        t = lap(parts, "databases, extensions", t);
        new TypeReader(x).read();
        t = lap(parts, "types", t);
        new RoutineReader(x).read();
        t = lap(parts, "routines", t);
        new RelationReader(x).read();
        t = lap(parts, "relations", t);
        new TablePartsReader(x).read();
        t = lap(parts, "table parts", t);
        new CommentReader(x).read();
        t = lap(parts, "comments", t);
        new AccessReader(x).read();
        t = lap(parts, "access", t);
        int[] rows = {0};
        x.rows(
                "SELECT d.classid, d.objid, d.refclassid, d.refobjid, quote_ident(a.attname), d.deptype = 'a' FROM pg_depend d "
                        + "LEFT JOIN pg_attribute a ON d.refobjsubid > 0 AND d.refclassid = 'pg_class'::regclass AND a.attrelid = d.refobjid "
                        + "AND a.attnum = d.refobjsubid WHERE d.deptype IN ('n','a') AND d.objid >= 16384 AND d.refobjid >= 16384 "
                        + "AND d.refclassid <> 'pg_namespace'::regclass",
                rs -> rows[0]++);
        t = lap(parts, "pg_depend query only", t);
        new DependencyReader(x).read();
        t = lap(parts, "dependencies", t);
        DependencySort.sort(x.objects());
        lap(parts, "dependency sort", t);
        c.rollback();
        c.setAutoCommit(true);
        return parts;
    }

    private static long lap(Map<String, Long> parts, String part, long since) {
        long now = System.nanoTime();
        parts.put(part, now - since);
        return now;
    }
}
