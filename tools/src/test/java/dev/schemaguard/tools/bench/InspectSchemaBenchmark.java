package dev.schemaguard.tools.bench;

import dev.schemaguard.tools.inspect.InspectRequest;
import dev.schemaguard.tools.inspect.InspectResult;
import dev.schemaguard.tools.inspect.InspectSchema;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * inspect_schema on a generated 10,000-table / 100,000-column schema in an embedded PostgreSQL 17. Prints, for each
 * kind of call, the median / min / max latency over repeated runs (after warm-up) and the answer's size in tokens.
 * Run: bench/inspect-schema.sh [TABLES] [RUNS]
 */
public final class InspectSchemaBenchmark {

    /** Measures answers as the server sends them: absent values left out. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(
                    v -> v.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        TestDatabase db = TestPostgres.createDatabase("bench");
        long started = System.nanoTime();
        db.execute("DO $$ BEGIN FOR i IN 0..9 LOOP EXECUTE format('CREATE SCHEMA %I', 's' || i); END LOOP; END $$");
        for (int from = 1; from <= tables; from += 1_000) {
            db.execute("""
                    DO $$
                    BEGIN
                      FOR i IN %d..%d LOOP
                        EXECUTE format('CREATE TABLE %%I.%%I (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL DEFAULT ''new'',
                          amount numeric(12,2), created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz, note text,
                          flags integer, payload jsonb, version integer NOT NULL DEFAULT 0)', 's' || (i %% 10), 't_' || lpad(i::text, 5, '0'));
                      END LOOP;
                    END $$""".formatted(from, Math.min(tables, from + 999)));
        }
        System.out.printf(
                Locale.ROOT,
                "generated %d tables / %d columns in %.1f s (PostgreSQL %s)%n",
                tables,
                tables * 10,
                (System.nanoTime() - started) / 1e9,
                serverVersion(db));

        InspectSchema inspect = new InspectSchema(db.environments("bench"), 20_000);
        InspectResult first = inspect.inspect(
                new InspectRequest("bench", null, null, null, null, InspectRequest.Detail.SUMMARY, null, null));
        String middleCursor = pageCursor(inspect, first, 10);
        measure(
                "summary page 1 (default budget 20k tokens)",
                runs,
                () -> inspect.inspect(new InspectRequest(
                        "bench", null, null, null, null, InspectRequest.Detail.SUMMARY, null, null)));
        measure(
                "summary page 11 (cursor)",
                runs,
                () -> inspect.inspect(new InspectRequest(
                        "bench", null, null, null, null, InspectRequest.Detail.SUMMARY, middleCursor, null)));
        measure("auto detail, first page (chooses summary)", runs, () -> inspect.inspect(InspectRequest.of("bench")));
        measure(
                "full-detail page 1",
                runs,
                () -> inspect.inspect(
                        new InspectRequest("bench", null, null, null, null, InspectRequest.Detail.FULL, null, null)));
        measure(
                "one table in full (s5.t_05005)",
                runs,
                () -> inspect.inspect(new InspectRequest("bench", "s5.t_05005", null, null, null, null, null, null)));
        measure(
                "name filter t_0999* (summary)",
                runs,
                () -> inspect.inspect(new InspectRequest("bench", null, null, "t_0999*", null, null, null, null)));
        System.out.printf(Locale.ROOT, "summary pages to list all %d tables: %d%n", tables, countPages(inspect));
    }

    private static String pageCursor(InspectSchema inspect, InspectResult first, int pages) {
        InspectResult page = first;
        for (int i = 0; i < pages && page.nextCursor() != null; i++) {
            page = inspect.inspect(new InspectRequest(
                    "bench", null, null, null, null, InspectRequest.Detail.SUMMARY, page.nextCursor(), null));
        }
        return page.nextCursor();
    }

    private static int countPages(InspectSchema inspect) {
        int pages = 0;
        String cursor = null;
        do {
            InspectResult page = inspect.inspect(
                    new InspectRequest("bench", null, null, null, null, InspectRequest.Detail.SUMMARY, cursor, null));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        return pages;
    }

    private static void measure(String label, int runs, Supplier<InspectResult> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        List<Double> millis = new ArrayList<>();
        InspectResult last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        int tokens = (JSON.writeValueAsString(last).length() + last.toText().length()) / 4;
        System.out.printf(
                Locale.ROOT,
                "%-45s median %7.1f ms  min %7.1f  max %7.1f  | %3d objects, ~%5d tokens, detail %s%n",
                label,
                millis.get(millis.size() / 2),
                millis.get(0),
                millis.get(millis.size() - 1),
                last.returned(),
                tokens,
                last.detail());
    }

    private static String serverVersion(TestDatabase db) {
        try (var c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
