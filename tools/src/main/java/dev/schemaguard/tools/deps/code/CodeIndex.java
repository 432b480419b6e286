package dev.schemaguard.tools.deps.code;

import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.ReadConfinement;
import dev.schemaguard.tools.ToolException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where application code reads or writes tables and columns, across one or more roots split into services: Java with
 * JavaParser ({@link JavaSummarizer}, {@link CodeModel}), MyBatis mapper XML, SQL files, and string literals that look like SQL in Kotlin,
 * Python, Go, TypeScript and JavaScript (lower confidence).
 */
public final class CodeIndex {

    private static final Set<String> BUILD_FILES =
            Set.of("pom.xml", "build.gradle", "build.gradle.kts", "package.json", "go.mod", "pyproject.toml");
    private static final Set<String> SKIPPED_DIRS =
            Set.of(".git", "target", "build", "node_modules", ".gradle", ".idea", "dist", "out");
    private static final Pattern SELECT_STAR = Pattern.compile("(?i)\\bSELECT\\s+(\\w+\\.)?\\*");
    private static final Pattern CODE_FILE =
            Pattern.compile(".*\\.(java|xml|sql|kt|kts|py|go|ts|js|mjs|json|properties|ya?ml)$");
    /** Configuration files are read for connectors and bindings: small ones; lock files and data dumps are not configuration. */
    private static final long MAX_CONFIGURATION_BYTES = 256 * 1024;

    /** A site where it was found; made a {@link CodeSite} only when a query returns it. */
    record Indexed(String service, String file, FileSummary.Found found) {

        CodeSite site() {
            FileSummary.Found f = found;
            return new CodeSite(
                    service,
                    file,
                    f.line(),
                    f.kind(),
                    f.access(),
                    f.confidence(),
                    f.table(),
                    f.column(),
                    f.evidence() != null
                            ? f.evidence()
                            : SqlReferences.read(f.text()).shortened());
        }
    }

    private final Map<String, List<Indexed>> byTable;
    private final int files;
    private final int parsed;
    private final int hashed;
    private final List<String> unreadable;
    private final List<String> services;
    private final List<Path> roots;
    private final List<EnumReader> enumReaders;
    private final EventReaders eventReaders;
    private final JsonEnumReaders jsonEnumReaders;

    private CodeIndex(
            List<Indexed> sites,
            int files,
            int parsed,
            int hashed,
            List<String> unreadable,
            List<String> services,
            List<Path> roots,
            List<EnumReader> enumReaders,
            EventReaders eventReaders,
            JsonEnumReaders jsonEnumReaders) {
        this.enumReaders = enumReaders;
        this.jsonEnumReaders = jsonEnumReaders;
        this.eventReaders = eventReaders;
        this.hashed = hashed;
        this.unreadable = unreadable;
        this.byTable = sites.stream()
                .collect(java.util.stream.Collectors.groupingBy(i -> i.found().table()));
        this.files = files;
        this.parsed = parsed;
        this.services = services;
        this.roots = List.copyOf(roots);
    }

    public List<Path> roots() {
        return roots;
    }

    public int files() {
        return files;
    }

    /** How many of the files were read anew (not known to the cache). */
    public int parsedFiles() {
        return parsed;
    }

    /** How many files were read and hashed: the others had the size and time the cache saw them with. */
    public int hashedFiles() {
        return hashed;
    }

    /** Files that could not be read as their language ("file: problem"): nothing in them was seen. */
    public List<String> unreadable() {
        return unreadable;
    }

    public List<String> services() {
        return services;
    }

    /**
     * Reads every code file under the roots; a file whose content (SHA-256) the cache knows is not parsed again. Files
     * are read, hashed and parsed in parallel; the entity model and the sites are then resolved from all summaries.
     */
    public static CodeIndex scan(List<Path> roots, CodeIndexCache cache) {
        return scan(roots, cache, Map.of());
    }

    /**
     * @param services explicit services (name → directory, {@code code.services}): a file in one belongs to the deepest
     *                 that contains it; other files are split by their build files. Directories outside the roots are
     *                 scanned too.
     */
    public static CodeIndex scan(List<Path> givenRoots, CodeIndexCache cache, Map<String, Path> services) {
        return scan(givenRoots, cache, services, ProgressListener.NONE);
    }

    /** @param progress hears files indexed of the total (a cold scan of thousands of files takes tens of seconds) */
    public static CodeIndex scan(
            List<Path> givenRoots, CodeIndexCache cache, Map<String, Path> services, ProgressListener progress) {
        List<Path> roots = new ArrayList<>(givenRoots);
        Map<Path, String> explicit = new LinkedHashMap<>();
        services.forEach((name, dir) -> {
            Path normalized = dir.toAbsolutePath().normalize();
            explicit.put(normalized, name);
            if (roots.stream()
                    .noneMatch(r -> normalized.startsWith(r.toAbsolutePath().normalize()))) {
                roots.add(dir);
            }
        });
        Map<Path, String> serviceOf = new LinkedHashMap<>();
        Map<Path, String> serviceOfDirectory = new java.util.HashMap<>();
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new ToolException("Code root " + root + " is not a directory.");
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p ->
                                CODE_FILE.matcher(p.getFileName().toString()).matches())
                        .filter(CodeIndex::notALargeConfiguration)
                        .filter(p -> !inSkippedDirectory(root, p))
                        .sorted()
                        .filter(p -> !serviceOf.containsKey(p))
                        .forEach(p -> {
                            all.add(p);
                            serviceOf.put(
                                    p,
                                    serviceOfDirectory.computeIfAbsent(
                                            p.getParent(),
                                            dir -> explicitService(explicit, p).orElseGet(() -> service(root, p))));
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ScanProgress scanProgress = new ScanProgress(progress, all.size());
        Map<String, FileSummary> cached = cache.load(roots);
        Map<String, CodeIndexCache.FileStat> statsBefore = cache.loadStats(roots);
        Map<String, CodeIndexCache.FileStat> stats = new ConcurrentHashMap<>();
        Map<Path, String> keyOf = new ConcurrentHashMap<>();
        Map<String, FileSummary> summaries = new ConcurrentHashMap<>();
        AtomicInteger parsed = new AtomicInteger();
        AtomicInteger hashed = new AtomicInteger();
        long now = System.currentTimeMillis() * 1_000_000L;
        all.parallelStream().forEach(p -> {
            String name = p.getFileName().toString();
            String file = p.toAbsolutePath().toString();
            long size;
            long modified;
            try {
                java.nio.file.attribute.BasicFileAttributes attributes =
                        Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                size = attributes.size();
                modified = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (IOException e) {
                throw new ToolException("Cannot read " + p + ": " + e.getMessage());
            }
            CodeIndexCache.FileStat known = statsBefore.get(file);
            String key;
            byte[] bytes = null;
            if (known != null && known.matches(size, modified) && cached.containsKey(known.key())) {
                key = known.key(); // unchanged since the last scan: neither read nor hashed
                stats.put(file, known);
            } else {
                bytes = read(p);
                hashed.incrementAndGet();
                key = name.substring(name.lastIndexOf('.') + 1) + ":" + CodeIndexCache.sha256(bytes);
                stats.put(file, new CodeIndexCache.FileStat(size, modified, now, key));
            }
            keyOf.put(p, key);
            FileSummary summary = cached.get(key);
            if (summary == null && !summaries.containsKey(key)) {
                if (bytes == null) {
                    bytes = read(p);
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                summary = name.endsWith(".java")
                        ? JavaSummarizer.summarize(text)
                        : TextFileSummarizer.summarize(name, text);
                parsed.incrementAndGet();
            }
            if (summary != null) {
                summaries.putIfAbsent(key, summary);
            }
            scanProgress.fileDone(parsed.get());
        });
        cache.save(roots, cached, summaries);
        if (!stats.equals(statsBefore)) {
            cache.saveStats(roots, stats);
        }
        Map<String, FileSummary> byFile = new LinkedHashMap<>();
        for (Path p : all) {
            byFile.put(p.toString(), summaries.get(keyOf.get(p)));
        }
        List<String> unreadable = byFile.entrySet().stream()
                .filter(e -> e.getValue().problem() != null)
                .map(e -> e.getKey() + ": " + e.getValue().problem())
                .toList();
        CodeModel model = new CodeModel(byFile);
        List<Indexed> sites = all.parallelStream()
                .flatMap(p -> {
                    String file = p.toString();
                    String service = serviceOf.get(p);
                    return model.sites(file, byFile.get(file)).stream().map(f -> new Indexed(service, file, f));
                })
                .toList();
        progress.progress(
                all.size(),
                all.size(),
                "indexed " + all.size() + " code files (" + parsed.get() + " parsed, the rest from the cache)");
        Map<String, String> serviceOfFile = new java.util.HashMap<>();
        serviceOf.forEach((p, s) -> serviceOfFile.put(p.toString(), s));
        List<EnumReader> enumReaders = EnumReaders.of(byFile, serviceOfFile::get, model.entityFields());
        return new CodeIndex(
                sites,
                all.size(),
                parsed.get(),
                hashed.get(),
                unreadable,
                serviceOf.values().stream().distinct().toList(),
                roots,
                enumReaders,
                new EventReaders(byFile, serviceOfFile::get, model.entityFields()),
                new JsonEnumReaders(byFile, serviceOfFile::get));
    }

    /** Reports every twentieth of the files, from the scanning threads one at a time (listeners need not be thread-safe). */
    private static final class ScanProgress {

        private final ProgressListener listener;
        private final int total;
        private final int step;
        private int done;

        ScanProgress(ProgressListener listener, int total) {
            this.listener = listener;
            this.total = total;
            this.step = Math.max(1, (total + 19) / 20); // at most twenty reports, however few the files
            listener.progress(0, total, "indexing " + total + " code files");
        }

        synchronized void fileDone(int parsed) {
            done++;
            if (done % step == 0 && done < total) {
                listener.progress(
                        done, total, "indexed " + done + " of " + total + " code files (" + parsed + " parsed)");
            }
        }
    }

    /**
     * The code that decodes the values of {@code table.column} (bare names, any case) into a fixed set: entity fields
     * mapped to enums or read through converters, and switches over those enums.
     */
    public List<EnumReader> enumReaders(String table, String column) {
        return enumReaders.stream()
                .filter(r -> r.table() != null
                        && r.table().equalsIgnoreCase(table)
                        && r.column().equalsIgnoreCase(column))
                .toList();
    }

    /**
     * The readers of the target's changes that never query it: the Debezium connectors that stream its table, and the
     * listeners of their topics (for a column, those whose payload has a field for it, or whose payload is not known).
     */
    public List<CodeSite> changeReadersFor(DependencyTarget target) {
        return eventReaders.sitesFor(target);
    }

    /** Whether any connector or listener was found at all (else "none found" means little). */
    public boolean hasChangeReaders() {
        return !eventReaders.isEmpty();
    }

    /** Message fields of an enum that has all of {@code values}: where a type's values cross a JSON boundary. */
    public List<EnumReader> jsonEnumReaders(List<String> values) {
        return jsonEnumReaders.readers(values);
    }

    /**
     * jOOQ's readers of PostgreSQL enum type {@code type} (bare name, any case): the enum generated from it and the
     * switches over that enum in its service.
     */
    public List<EnumReader> jooqReaders(String type) {
        return enumReaders.stream()
                .filter(r -> r.jooqType() != null && r.jooqType().equalsIgnoreCase(type))
                .toList();
    }

    /** Switches over string labels, whatever they read: matched with a type's values by the caller. */
    public List<EnumReader> stringSwitches() {
        return enumReaders.stream()
                .filter(r -> r.kind() == EnumReader.Kind.STRING_SWITCH)
                .toList();
    }

    /** The tables any site names (lower case, without schema). */
    public java.util.Set<String> tables() {
        return java.util.Collections.unmodifiableSet(byTable.keySet());
    }

    /** The sites that read or write the target table (and column, when one is given), by service, file and line. */
    public List<CodeSite> sitesFor(DependencyTarget target) {
        String table = target.table().toLowerCase(java.util.Locale.ROOT);
        String column = target.column() == null ? null : target.column().toLowerCase(java.util.Locale.ROOT);
        List<CodeSite> result = new ArrayList<>();
        for (Indexed i : byTable.getOrDefault(table, List.of())) {
            FileSummary.Found s = i.found();
            boolean matches;
            if (column == null) {
                matches = s.column() == null;
            } else {
                boolean sqlSite = s.column() == null && s.text() != null;
                matches = column.equals(s.column())
                        || (sqlSite
                                && (SqlReferences.mentions(s.text(), column)
                                        || SELECT_STAR.matcher(s.text()).find()));
            }
            if (matches) {
                result.add(i.site());
            }
        }
        result.sort(Comparator.comparing(CodeSite::service)
                .thenComparing(CodeSite::file)
                .thenComparingInt(CodeSite::line));
        return result;
    }

    private static java.util.Optional<String> explicitService(Map<Path, String> explicit, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return explicit.entrySet().stream()
                .filter(e -> absolute.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().getNameCount()))
                .map(Map.Entry::getValue);
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
                    return dir.getFileName() == null
                            ? root.toString()
                            : dir.getFileName().toString();
                }
            }
        }
        return root.toAbsolutePath().normalize().getFileName().toString();
    }

    private static boolean notALargeConfiguration(Path p) {
        if (!TextFileSummarizer.CONFIGURATION
                .matcher(p.getFileName().toString())
                .matches()) {
            return true;
        }
        try {
            return Files.size(p) <= MAX_CONFIGURATION_BYTES
                    && !p.getFileName().toString().endsWith("-lock.json");
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(ReadConfinement.check(p));
        } catch (IOException e) {
            throw new ToolException("Cannot read " + p + ": " + e.getMessage());
        }
    }
}
