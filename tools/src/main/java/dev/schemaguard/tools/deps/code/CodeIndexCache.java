package dev.schemaguard.tools.deps.code;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.smile.SmileMapper;
import tools.jackson.dataformat.smile.SmileWriteFeature;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The code index on disk: one directory per set of roots, holding a {@link FileSummary} per file content hash (SHA-256), so
 * a re-scan parses only files whose content changed. It is a cache: unreadable, foreign or older-format contents are
 * ignored (everything is parsed again) and a failed write only costs the next scan its speed.
 */
public final class CodeIndexCache {

    private static final Logger LOG = LoggerFactory.getLogger(CodeIndexCache.class);
    /** Bump when summaries change shape or meaning: older caches are then ignored. */
    static final int FORMAT = 14;

    private static final int SHARDS = 64;
    /** Smile (binary JSON): the cache is read on every scan, and Smile reads about twice as fast as JSON text. */
    private static final SmileMapper SMILE = SmileMapper.builder()
            .enable(SmileWriteFeature.CHECK_SHARED_STRING_VALUES)
            .build();

    record Contents(int format, Map<String, FileSummary> summaries) {}

    /**
     * What a file's key was when its size and modification time were these ({@code recorded}: when that was seen). Lets
     * a re-scan skip reading and hashing files that did not change, as git's index does; an entry is trusted only when
     * the file's time is older than when it was recorded by more than the file system's time resolution could hide.
     */
    record FileStat(long size, long modified, long recorded, String key) {

        private static final long RACY_NANOS = 2_000_000_000L;

        boolean matches(long size, long modified) {
            return this.size == size && this.modified == modified && modified < recorded - RACY_NANOS;
        }
    }

    record Stats(int format, Map<String, FileStat> files) {}

    /**
     * The last scan's summaries per cache directory, kept while memory allows, so that a long-running server does not
     * read the disk cache on every call. Safe to reuse without checking the disk: entries are keyed by content hash, so
     * one that another process changed on disk is at worst missing here (that file is parsed again), never wrong.
     */
    private static final Map<Path, SoftReference<Map<String, FileSummary>>> IN_MEMORY = new ConcurrentHashMap<>();

    private final Path directory;

    private CodeIndexCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $XDG_CACHE_HOME/schemaguard/code-index}, else {@code ~/.cache/schemaguard/code-index}. */
    public static CodeIndexCache standard() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new CodeIndexCache(base.resolve("schemaguard").resolve("code-index"));
    }

    public static CodeIndexCache at(Path directory) {
        return new CodeIndexCache(directory);
    }

    /** No cache: every scan parses every file. */
    public static CodeIndexCache none() {
        return new CodeIndexCache(null);
    }

    /**
     * Every summary stored for these roots, by key. The cache is split in {@value #SHARDS} files by the key's hash, read
     * in parallel, so that a re-scan rewrites only the shards whose files changed.
     */
    Map<String, FileSummary> load(List<Path> roots) {
        if (directory == null) {
            return Map.of();
        }
        Path dir = directoryFor(roots);
        Map<String, FileSummary> remembered =
                Optional.ofNullable(IN_MEMORY.get(dir)).map(SoftReference::get).orElse(null);
        if (remembered != null) {
            return remembered;
        }
        Map<String, FileSummary> all = new ConcurrentHashMap<>();
        IntStream.range(0, SHARDS).parallel().forEach(shard -> {
            Path file = dir.resolve(shard + ".smile");
            if (!Files.isRegularFile(file)) {
                return;
            }
            try {
                Contents contents = SMILE.readValue(file.toFile(), Contents.class);
                if (contents.format() == FORMAT && contents.summaries() != null) {
                    all.putAll(contents.summaries());
                }
            } catch (JacksonException | IllegalArgumentException e) {
                LOG.warn("Ignoring the code index cache {}: {}", file, e.getMessage());
            }
        });
        return all;
    }

    /** Stores the summaries of this scan; only shards whose set of keys changed are written. */
    void save(List<Path> roots, Map<String, FileSummary> before, Map<String, FileSummary> now) {
        if (directory == null) {
            return;
        }
        Path dir = directoryFor(roots);
        IN_MEMORY.put(dir, new SoftReference<>(Map.copyOf(now)));
        List<Map<String, FileSummary>> shards = byShard(now);
        List<Map<String, FileSummary>> old = byShard(before);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            LOG.warn("Could not write the code index cache {}: {}", dir, e.getMessage());
            return;
        }
        IntStream.range(0, SHARDS)
                .parallel()
                .filter(i -> !shards.get(i).keySet().equals(old.get(i).keySet()))
                .forEach(i -> {
                    writeAtomically(dir.resolve(i + ".smile"), new Contents(FORMAT, shards.get(i)));
                });
    }

    private static List<Map<String, FileSummary>> byShard(Map<String, FileSummary> summaries) {
        List<Map<String, FileSummary>> shards = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.add(new HashMap<>());
        }
        summaries.forEach((key, summary) ->
                shards.get(Math.floorMod(key.hashCode(), SHARDS)).put(key, summary));
        return shards;
    }

    /** Size, time and key of each file at the last scan of these roots; empty when unknown. */
    Map<String, FileStat> loadStats(List<Path> roots) {
        if (directory == null) {
            return Map.of();
        }
        Path file = directoryFor(roots).resolve("files.smile");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Stats stats = SMILE.readValue(file.toFile(), Stats.class);
            return stats.format() == FORMAT && stats.files() != null ? stats.files() : Map.of();
        } catch (JacksonException | IllegalArgumentException e) {
            LOG.warn("Ignoring the code index cache {}: {}", file, e.getMessage());
            return Map.of();
        }
    }

    void saveStats(List<Path> roots, Map<String, FileStat> files) {
        if (directory == null) {
            return;
        }
        Path dir = directoryFor(roots);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            LOG.warn("Could not write the code index cache {}: {}", dir, e.getMessage());
            return;
        }
        writeAtomically(dir.resolve("files.smile"), new Stats(FORMAT, files));
    }

    /** Readers see the old file or the new one, never half of one (another process may scan the same roots). */
    private static void writeAtomically(Path file, Object value) {
        try {
            Path temp =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                SMILE.writeValue(temp.toFile(), value);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | JacksonException e) {
            LOG.warn("Could not write the code index cache {}: {}", file, e.getMessage());
        }
    }

    /** What a new process sees: the disk cache only (tests, and the launcher's class-data training run). */
    public static void forgetInMemory() {
        IN_MEMORY.clear();
    }

    private Path directoryFor(List<Path> roots) {
        StringBuilder key = new StringBuilder();
        roots.stream()
                .map(r -> r.toAbsolutePath().normalize().toString())
                .sorted()
                .forEach(r -> key.append(r).append('\n'));
        return directory.resolve(
                sha256(key.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
