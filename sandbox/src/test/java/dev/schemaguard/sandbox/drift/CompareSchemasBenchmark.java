package dev.schemaguard.sandbox.drift;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.fixtures.TargetDatabases;
import dev.schemaguard.tools.drift.CompareSchemas;
import dev.schemaguard.tools.drift.ComparisonScope;
import dev.schemaguard.tools.env.JdbcEnvironments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * compare_schemas on two generated schemas of TABLES tables each (keys, defaults, checks, foreign keys, indexes), the
 * second drifted in three tables: the comparison read afresh (both catalogs exported, then diffed), and as
 * compare_schemas answers again while neither catalog changed (kept exports, checked by fingerprint), with and without
 * the convergence proof. Run with {@code bench/compare-schemas.sh [TABLES] [RUNS]}; prints measured numbers.
 */
public final class CompareSchemasBenchmark {

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long loading = System.nanoTime();
        try (TargetDatabases targets = new TargetDatabases()
                        .wide("east", tables)
                        .wide(
                                "west",
                                tables,
                                "ALTER TABLE app.t_00042 ADD COLUMN extra int; "
                                        + "ALTER TABLE app.t_00100 ALTER COLUMN name TYPE varchar(200); CREATE INDEX t_00007_amount ON app.t_00007 (amount)");
                Sandboxes sandboxes = Sandboxes.embedded()) {
            System.out.printf(
                    "two schemas of %d tables loaded in %d ms%n", tables, (System.nanoTime() - loading) / 1_000_000);
            // as the server reads them: each environment's catalog-read connection kept between calls
            JdbcEnvironments server =
                    targets.environments().keepingCatalogConnections(JdbcEnvironments.CATALOG_CONNECTION_IDLE);
            CompareSchemas fresh = new CompareSchemas(server);
            CompareSchemas freshConnections = new CompareSchemas(targets.environments());
            ConvergeSchemas compareSchemas = new ConvergeSchemas(server, sandboxes);
            ComparisonScope tablesOnly = new ComparisonScope(
                    java.util.Set.of(), java.util.Set.of("app.t_00001"), java.util.Set.of(), false, false);

            long t0 = System.nanoTime();
            CompareSchemas.Comparison first = compareSchemas.compare("east", "west", ComparisonScope.ALL);
            System.out.printf(
                    "first compare_schemas (both catalogs read, convergence proven on a new sandbox copy of west): %d ms, "
                            + "%d difference(s), convergence %s%n",
                    (System.nanoTime() - t0) / 1_000_000,
                    first.differences().size(),
                    first.convergence().verdict());

            List<Long> readAndDiff = new ArrayList<>();
            List<Long> readAndDiffNewConnections = new ArrayList<>();
            List<Long> unchanged = new ArrayList<>();
            List<Long> unchangedWithProof = new ArrayList<>();
            List<Long> bothChanged = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                long n = System.nanoTime();
                freshConnections.compare("east", "west", false);
                long a = System.nanoTime();
                int found = fresh.compare("east", "west", false).differences().size();
                long b = System.nanoTime();
                compareSchemas.compare("east", "west", tablesOnly); // no difference there: no convergence to prove
                long c = System.nanoTime();
                compareSchemas.compare("east", "west", ComparisonScope.ALL);
                long d = System.nanoTime();
                if (run > 0) { // the first run warms the JIT
                    readAndDiff.add(b - a);
                    readAndDiffNewConnections.add(a - n);
                    unchanged.add(c - b);
                    unchangedWithProof.add(d - c);
                }
                if (found != first.differences().size()) {
                    throw new IllegalStateException("the comparison found " + found + " differences, then "
                            + first.differences().size());
                }
            }
            for (int run = 0; run <= runs; run++) {
                comment(targets, "east", run);
                comment(targets, "west", run);
                long e = System.nanoTime();
                compareSchemas.compare("east", "west", tablesOnly); // both read afresh, whole; nothing to prove
                if (run > 0) {
                    bothChanged.add(System.nanoTime() - e);
                }
            }
            System.out.printf("median of %d warm runs (min–max):%n", runs);
            print("both catalogs exported and diffed (server: kept connections)", readAndDiff);
            print("the same on new connections (one-shot CLI)", readAndDiffNewConnections);
            print("compare_schemas, catalogs unchanged since the last call", unchanged);
            print("compare_schemas, both catalogs changed (whole exports, no proof)", bothChanged);
            print("the same with the convergence proven on a sandbox copy", unchangedWithProof);
        }
    }

    /** A change to the catalog (the fingerprint moves), the same on both sides: no difference. */
    private static void comment(TargetDatabases targets, String database, int run) {
        try (java.sql.Connection c = targets.connect(database);
                java.sql.Statement s = c.createStatement()) {
            s.execute("COMMENT ON TABLE app.t_00001 IS 'run " + run + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(
                "  %-66s %7.0f ms  (%.0f–%.0f)%n",
                what, sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
