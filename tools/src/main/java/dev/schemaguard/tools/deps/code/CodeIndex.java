package dev.schemaguard.tools.deps.code;

import com.github.javaparser.ast.CompilationUnit;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.deps.DependencyTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where application code reads or writes tables and columns, across one or more roots split into services: Java with
 * JavaParser ({@link JavaScanner}), MyBatis mapper XML, SQL files, and string literals that look like SQL in Kotlin,
 * Python, Go, TypeScript and JavaScript (lower confidence).
 */
public final class CodeIndex {

    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts", "package.json", "go.mod",
            "pyproject.toml");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "build", "node_modules", ".gradle", ".idea", "dist", "out");
    private static final Pattern STRING = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|'''(.*?)'''|`([^`]*)`|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'");
    private static final Pattern CODE_FILE = Pattern.compile(".*\\.(java|xml|sql|kt|kts|py|go|ts|js|mjs)$");
    private static final Pattern MYBATIS = Pattern.compile("(?is)<(select|insert|update|delete)\\b[^>]*>(.*?)</\\1>");

    /** A site and, for SQL sites, the full statement (to tell which columns it names). */
    record Indexed(CodeSite site, String text) {
    }

    private final Map<String, List<Indexed>> byTable;
    private final int files;
    private final List<String> services;
    private final List<Path> roots;

    private CodeIndex(List<Indexed> sites, int files, List<String> services, List<Path> roots) {
        this.byTable = sites.stream().collect(java.util.stream.Collectors.groupingBy(i -> i.site().table()));
        this.files = files;
        this.services = services;
        this.roots = List.copyOf(roots);
    }

    public List<Path> roots() {
        return roots;
    }

    public int files() {
        return files;
    }

    public List<String> services() {
        return services;
    }

    public static CodeIndex scan(List<Path> roots) {
        Map<Path, String> serviceOf = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new ToolException("Code root " + root + " is not a directory.");
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> CODE_FILE.matcher(p.getFileName().toString()).matches())
                        .filter(p -> !inSkippedDirectory(root, p))
                        .sorted().forEach(p -> {
                            all.add(p);
                            serviceOf.put(p, service(root, p));
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JavaScanner java = new JavaScanner();
        JavaScanner.Model model = new JavaScanner.Model();
        // Parsing is most of the work and independent per file: in parallel; learning the model is cheap: in order.
        Map<Path, CompilationUnit> units = new LinkedHashMap<>();
        List<Path> javaFiles = all.stream().filter(p -> p.toString().endsWith(".java")).toList();
        Map<Path, java.util.Optional<CompilationUnit>> parsed = new java.util.concurrent.ConcurrentHashMap<>();
        javaFiles.parallelStream().forEach(p -> parsed.put(p, java.parse(read(p))));
        for (Path p : javaFiles) {
            parsed.get(p).ifPresent(cu -> {
                units.put(p, cu);
                java.learn(cu, p.toString(), model);
            });
        }
        model.resolveInheritance();
        List<Indexed> sites = new ArrayList<>();
        for (Path p : all) {
            String name = p.getFileName().toString();
            String service = serviceOf.get(p);
            List<JavaScanner.Found> found = new ArrayList<>();
            if (units.containsKey(p)) {
                found.addAll(java.sites(units.get(p), p.toString(), model));
            } else if (name.endsWith(".xml") && read(p).contains("<mapper")) {
                String text = read(p);
                Matcher m = MYBATIS.matcher(text);
                while (m.find()) {
                    found.addAll(JavaScanner.sql(lineOf(text, m.start()), "mybatis-sql", m.group(2).replaceAll("<[^>]+>", " "), "medium"));
                }
            } else if (name.endsWith(".sql")) {
                String text = read(p);
                found.addAll(JavaScanner.sql(1, "sql-file", text, "medium").stream()
                        .map(f -> new JavaScanner.Found(firstLine(text, f.table()), f.kind(), f.access(), f.confidence(), f.table(), null,
                                f.evidence(), f.text())).toList());
            } else if (name.matches(".*\\.(kt|kts|py|go|ts|js|mjs)$")) {
                String text = read(p);
                Matcher m = STRING.matcher(text);
                while (m.find()) {
                    String literal = firstNonNull(m);
                    if (SqlReferences.looksLikeSql(literal)) {
                        found.addAll(JavaScanner.sql(lineOf(text, m.start()), "sql-string", literal, "low"));
                    }
                }
            }
            for (JavaScanner.Found f : found) {
                sites.add(new Indexed(new CodeSite(service, p.toString(), f.line(), f.kind(), f.access(), f.confidence(), f.table(),
                        f.column(), f.evidence()), f.text()));
            }
        }
        return new CodeIndex(sites, all.size(), serviceOf.values().stream().distinct().toList(), roots);
    }

    /** The sites that read or write the target table (and column, when one is given), by service, file and line. */
    public List<CodeSite> sitesFor(DependencyTarget target) {
        String table = target.table().toLowerCase(java.util.Locale.ROOT);
        String column = target.column() == null ? null : target.column().toLowerCase(java.util.Locale.ROOT);
        List<CodeSite> result = new ArrayList<>();
        for (Indexed i : byTable.getOrDefault(table, List.of())) {
            CodeSite s = i.site();
            boolean matches;
            if (column == null) {
                matches = s.column() == null;
            } else {
                boolean sqlSite = s.column() == null && i.text() != null;
                matches = column.equals(s.column()) || (sqlSite && (SqlReferences.mentions(i.text(), column)
                        || i.text().matches("(?is).*\\bSELECT\\s+(\\w+\\.)?\\*.*")));
            }
            if (matches) {
                result.add(s);
            }
        }
        result.sort(Comparator.comparing(CodeSite::service).thenComparing(CodeSite::file).thenComparingInt(CodeSite::line));
        return result;
    }

    /** Build output, dependencies and tool folders: not the code a team wrote. */
    private static boolean inSkippedDirectory(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** A service is the nearest directory (up to the root) holding a build file; the root's own name otherwise. */
    private static String service(Path root, Path file) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
            for (String build : BUILD_FILES) {
                if (Files.exists(dir.resolve(build))) {
                    return dir.getFileName() == null ? root.toString() : dir.getFileName().toString();
                }
            }
        }
        return root.toAbsolutePath().normalize().getFileName().toString();
    }

    private static String firstNonNull(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstLine(String text, String table) {
        Matcher m = Pattern.compile("(?i)(?<![\\w.])(\\w+\\.)?\"?" + Pattern.quote(table) + "\"?(?!\\w)").matcher(text);
        return m.find() ? lineOf(text, m.start()) : 1;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
