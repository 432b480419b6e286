package dev.schemaguard.tools.deps.bench;

import dev.schemaguard.tools.deps.code.CodeIndex;
import dev.schemaguard.tools.deps.code.CodeIndexCache;
import dev.schemaguard.tools.deps.code.DependencyTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark of map_dependencies' code side: generates a code base of FILES Java files (entities, Spring Data
 * repositories, JdbcTemplate classes of about 200 lines each) across SERVICES Maven services, then measures, in one
 * process, a cold scan (empty on-disk cache), three re-scans after 10 files changed each, and queries. Prints measured numbers; see docs/benchmarks.md.
 * Usage: bench/code-index.sh [FILES] [SERVICES]  (here: FILES SERVICES [DIRECTORY to generate into])
 */
public final class CodeIndexBenchmark {

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path root = args.length > 2
                ? Files.createDirectories(Path.of(args[2]))
                : Files.createTempDirectory("schemaguard-code-bench");
        long lines = generate(root, files, services);
        System.out.printf("generated %d Java files, %d lines, %d services under %s%n", files, lines, services, root);

        CodeIndexCache cache = CodeIndexCache.at(Files.createTempDirectory("schemaguard-code-cache"));
        long t0 = System.nanoTime();
        CodeIndex index = CodeIndex.scan(List.of(root), cache);
        double cold = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "cold scan (empty cache): %.2f s (%d files, %d parsed, %d services)%n",
                cold, index.files(), index.parsedFiles(), index.services().size());

        for (int round = 1; round <= 3; round++) {
            for (int i = 0; i < 10; i++) {
                Path changed = root.resolve("svc" + i).resolve("src/main/java/shop/svc" + i + "/Jdbc" + i + "x0.java");
                Files.writeString(
                        changed, Files.readString(changed).replace("status = ?", "status = ? AND id > " + round));
            }
            long t1 = System.nanoTime();
            index = CodeIndex.scan(List.of(root), cache);
            double rescan = (System.nanoTime() - t1) / 1e9;
            System.out.printf(
                    "re-scan %d after 10 files changed: %.2f s (%d files, %d parsed)%n",
                    round, rescan, index.files(), index.parsedFiles());
        }

        double[] query = new double[200];
        for (int i = 0; i < query.length; i++) {
            long q = System.nanoTime();
            index.sitesFor(DependencyTarget.parse("shop.table" + (i % 100) + ".col3"));
            query[i] = (System.nanoTime() - q) / 1e6;
        }
        Arrays.sort(query);
        System.out.printf(
                "query (sitesFor schema.table.column): p50 %.2f ms, p95 %.2f ms, max %.2f ms over %d queries%n",
                query[query.length / 2], query[(int) (query.length * 0.95)], query[query.length - 1], query.length);
    }

    /** Per service: a pom.xml; per file, in turn, an entity, a repository or a JdbcTemplate class. */
    static long generate(Path root, int files, int services) throws IOException {
        long lines = 0;
        for (int s = 0; s < services; s++) {
            Path svc = root.resolve("svc" + s);
            Files.createDirectories(svc.resolve("src/main/java/shop/svc" + s));
            Files.writeString(svc.resolve("pom.xml"), "<project><artifactId>svc" + s + "</artifactId></project>\n");
        }
        for (int f = 0; f < files; f++) {
            int s = f % services;
            int table = f % 100;
            String pkg = "shop.svc" + s;
            Path dir = root.resolve("svc" + s).resolve("src/main/java/shop/svc" + s);
            List<String> body = new ArrayList<>();
            String name;
            switch (f % 3) {
                case 0 -> {
                    name = "Entity" + f;
                    body.add("@jakarta.persistence.Entity @jakarta.persistence.Table(schema = \"shop\", name = \"table"
                            + table + "\")");
                    body.add("public class " + name + " {");
                    for (int c = 0; c < 70; c++) {
                        body.add("    @jakarta.persistence.Column(name = \"col" + c + "\")");
                        body.add("    private String field" + c + ";");
                        body.add("");
                    }
                    body.add("}");
                }
                case 1 -> {
                    name = "Repo" + f;
                    body.add("public interface " + name
                            + " extends org.springframework.data.jpa.repository.JpaRepository<Entity" + (f - 1)
                            + ", Long> {");
                    for (int m = 0; m < 48; m++) {
                        body.add("    java.util.List<Entity" + (f - 1) + "> findByField" + (m % 60) + "AndField"
                                + ((m + 1) % 60) + "(String a, String b);");
                        body.add("    @org.springframework.data.jpa.repository.Query(value = \"SELECT col" + (m % 60)
                                + " FROM shop.table" + table + " WHERE col3 = :v\", nativeQuery = true)");
                        body.add("    java.util.List<Object> native" + m + "(String v);");
                        body.add("");
                    }
                    body.add("}");
                }
                default -> {
                    name = "Jdbc" + s + "x" + f;
                    body.add("public class " + name + " {");
                    body.add("    private static final String SELECT = \"SELECT col1, col3 FROM shop.table" + table
                            + " WHERE status = ?\";");
                    body.add("    private final org.springframework.jdbc.core.JdbcTemplate jdbc;");
                    body.add("    public " + name
                            + "(org.springframework.jdbc.core.JdbcTemplate jdbc) { this.jdbc = jdbc; }");
                    for (int m = 0; m < 52; m++) {
                        body.add("    public Object q" + m + "(long id) {");
                        body.add("        return jdbc.queryForList(SELECT);");
                        body.add("    }");
                        body.add("    public int u" + m + "(long id) { return jdbc.update(\"UPDATE shop.table" + table
                                + " SET col" + (m % 60) + " = ? \" + \"WHERE id = ?\", id); }");
                    }
                    body.add("}");
                }
            }
            String text = "package " + pkg + ";\n\n" + String.join("\n", body) + "\n";
            lines += text.lines().count();
            Files.writeString(dir.resolve(name + ".java"), text);
        }
        // the files the re-scan changes: one small JdbcTemplate class in each of the first 10 services
        for (int s = 0; s < Math.min(10, services); s++) {
            Path file = root.resolve("svc" + s).resolve("src/main/java/shop/svc" + s + "/Jdbc" + s + "x0.java");
            {
                Files.writeString(
                        file,
                        "package shop.svc" + s + ";\npublic class Jdbc" + s
                                + "x0 {\n  void q(org.springframework.jdbc.core.JdbcTemplate jdbc) {"
                                + " jdbc.queryForList(\"SELECT col3 FROM shop.table1 WHERE status = ?\"); }\n}\n");
            }
        }
        return lines;
    }
}
