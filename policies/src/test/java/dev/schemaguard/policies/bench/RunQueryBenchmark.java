package dev.schemaguard.policies.bench;

import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.FileAuditLog;
import dev.schemaguard.policies.policy.PolicyLoader;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.policies.query.RunQuery;
import dev.schemaguard.sandbox.EmbeddedPostgresServer;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.env.ReaderSetup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What run_query adds to the query itself, on production with a reader: the same SELECT through RunQuery and through a
 * bare JDBC connection as the same reader (connect, timeout, query, read, close), interleaved, TABLES tables in the
 * schema. Prints the first call (the reader's rights checked) and the medians. Run with
 * {@code bench/run-query.sh [TABLES] [RUNS]}.
 */
public final class RunQueryBenchmark {

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path state = Files.createTempDirectory("sg-bench-state");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start()) {
            server.createDatabase("bench");
            String password = "bench-reader-" + System.nanoTime();
            try (Connection c = server.connect("bench");
                    Statement s = c.createStatement()) {
                StringBuilder ddl = new StringBuilder("CREATE SCHEMA app;");
                for (int i = 1; i <= tables; i++) {
                    ddl.append(String.format("CREATE TABLE app.t_%04d (id bigint PRIMARY KEY, note text);", i));
                }
                ddl.append("INSERT INTO app.t_0001 SELECT g, 'row ' || g FROM generate_series(1, 1000) g;");
                s.execute(ddl.toString());
                for (String sql : ReaderSetup.statements(c, "bench_reader", "postgres", password)) {
                    s.execute(sql);
                }
            }
            EnvironmentConfig env = new EnvironmentConfig(
                    "prod",
                    server.jdbcUrl("bench"),
                    "postgres",
                    new PasswordSource.Generated(server.password()),
                    Protection.PRODUCTION,
                    new EnvironmentConfig.Reader("bench_reader", new PasswordSource.Generated(password)));
            JdbcEnvironments environments = new JdbcEnvironments(List.of(env));
            RunQuery runQuery = new RunQuery(
                    environments,
                    PolicySet.of(PolicyLoader.read(
                            "schemaguard-policy: 1\nenvironments:\n  - match: {protection: [production]}\n    run-query: allow\n",
                            "bench.yaml")),
                    new FileAuditLog(state, Clock.systemUTC()));
            Identity agent = new Identity("bench", Set.of(), "bench");
            String sql = "SELECT id, note FROM app.t_0001 WHERE id % 10 = 0 ORDER BY id LIMIT 50";
            long t0 = System.nanoTime();
            runQuery.run("prod", sql, 50, agent);
            long first = (System.nanoTime() - t0) / 1_000;
            List<Long> guarded = new ArrayList<>();
            List<Long> bare = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                t0 = System.nanoTime();
                runQuery.run("prod", sql, 50, agent);
                guarded.add((System.nanoTime() - t0) / 1_000);
                t0 = System.nanoTime();
                try (Connection c = environments.openAsReader("prod");
                        Statement s = c.createStatement()) {
                    s.execute("SET LOCAL statement_timeout = 30000");
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            rs.getString(1);
                            rs.getString(2);
                        }
                    }
                    c.rollback();
                }
                bare.add((System.nanoTime() - t0) / 1_000);
            }
            Collections.sort(guarded);
            Collections.sort(bare);
            long g = guarded.get(runs / 2);
            long b = bare.get(runs / 2);
            System.out.printf(
                    "run_query on %d tables, first call (reader's rights checked): %.1f ms%n", tables, first / 1000.0);
            System.out.printf(
                    "median over %d interleaved runs: run_query %.2f ms, bare JDBC as the same reader %.2f ms, added %.2f ms%n",
                    runs, g / 1000.0, b / 1000.0, (g - b) / 1000.0);
            System.out.printf(
                    "p90: run_query %.2f ms, bare %.2f ms%n",
                    guarded.get(runs * 9 / 10) / 1000.0, bare.get(runs * 9 / 10) / 1000.0);
        }
    }
}
