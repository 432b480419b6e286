package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads migrations the way the tool that owns them would run them: Flyway ({@code V1__x.sql}, {@code R__x.sql},
 * {@code U1__x.sql}), golang-migrate ({@code 1_x.up.sql} / {@code .down.sql}), dbmate ({@code -- migrate:up}),
 * Liquibase formatted SQL and XML/YAML changelogs, or plain numbered {@code .sql} files. Only these files are read:
 * a path to anything else is refused, so the tool cannot be used to read arbitrary files.
 */
public final class MigrationSources {

    private static final Pattern GOLANG_MIGRATE = Pattern.compile("(\\d+)_.*\\.(up|down)\\.sql");
    private static final Pattern FLYWAY = Pattern.compile("([VU])([0-9][0-9._]*)__.*\\.sql|R__(.*)\\.sql");
    private static final Pattern LEADING_NUMBER = Pattern.compile("(\\d+).*");

    private MigrationSources() {
    }

    /** The migration of a tool call or command: its text, or files and directories; exactly one of the two. */
    public static List<MigrationUnit> of(String sql, List<String> paths, boolean assumeInTransaction) {
        boolean hasPaths = paths != null && !paths.isEmpty();
        if ((sql == null) == !hasPaths) {
            throw new InputException("Pass either sql (the migration text) or paths (migration files or directories), not "
                    + (sql == null ? "neither" : "both") + ".");
        }
        return sql != null ? List.of(new MigrationUnit("migration.sql", 1, sql, assumeInTransaction, "plain", "up"))
                : read(paths, assumeInTransaction);
    }

    public static List<MigrationUnit> read(List<String> paths, boolean assumeInTransaction) {
        if (paths == null || paths.isEmpty()) {
            throw new InputException("No migration given: pass sql (the migration text) or paths (migration files or directories).");
        }
        List<MigrationUnit> units = new ArrayList<>();
        for (String text : paths) {
            Path path = Path.of(text);
            if (Files.isDirectory(path)) {
                units.addAll(directory(path, assumeInTransaction));
            } else if (Files.isRegularFile(path)) {
                if (!isMigrationFile(path)) {
                    throw new InputException("Not a migration file: " + path + ". Only .sql files and Liquibase .xml/.yaml/.yml "
                            + "changelogs are read.");
                }
                units.addAll(file(path, assumeInTransaction));
            } else {
                throw new InputException("No such file or directory: " + path + ".");
            }
        }
        return units;
    }

    private static boolean isMigrationFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".sql") || name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<MigrationUnit> directory(Path dir, boolean assumeInTransaction) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(MigrationSources::isMigrationFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new InputException("Cannot list directory " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InputException("Directory " + dir + " holds no migrations (.sql files or Liquibase changelogs).");
        }
        List<Path> sql = files.stream().filter(p -> p.getFileName().toString().endsWith(".sql")).toList();
        List<MigrationUnit> units = new ArrayList<>();
        if (sql.stream().anyMatch(p -> GOLANG_MIGRATE.matcher(p.getFileName().toString()).matches())) {
            units.addAll(golangMigrate(dir, sql));
        } else if (sql.stream().anyMatch(p -> FLYWAY.matcher(p.getFileName().toString()).matches())) {
            units.addAll(flyway(dir, sql));
        } else {
            boolean numbered = sql.stream().allMatch(p -> LEADING_NUMBER.matcher(p.getFileName().toString()).matches());
            List<Path> ordered = numbered ? sql.stream().sorted(Comparator.comparing(p -> number(p.getFileName().toString()))).toList() : sql;
            for (Path p : ordered) {
                units.addAll(file(p, assumeInTransaction));
            }
        }
        for (Path p : files) {
            if (!p.getFileName().toString().endsWith(".sql")) {
                units.addAll(file(p, assumeInTransaction));
            }
        }
        return units;
    }

    private static java.math.BigInteger number(String name) {
        Matcher m = LEADING_NUMBER.matcher(name);
        return m.matches() ? new java.math.BigInteger(m.group(1)) : java.math.BigInteger.ZERO;
    }

    private static List<MigrationUnit> golangMigrate(Path dir, List<Path> files) {
        List<Path> up = new ArrayList<>();
        List<Path> down = new ArrayList<>();
        for (Path p : files) {
            Matcher m = GOLANG_MIGRATE.matcher(p.getFileName().toString());
            if (!m.matches()) {
                throw new InputException(dir + ": " + p.getFileName() + " does not follow golang-migrate's naming "
                        + "(<version>_<title>.up.sql / .down.sql) like the other files there.");
            }
            (m.group(2).equals("up") ? up : down).add(p);
        }
        Comparator<Path> byVersion = Comparator.comparing(p -> number(p.getFileName().toString()));
        List<MigrationUnit> units = new ArrayList<>();
        up.stream().sorted(byVersion).forEach(p -> units.add(new MigrationUnit(p.toString(), 1, text(p), true, "golang-migrate", "up")));
        down.stream().sorted(byVersion.reversed()).forEach(p -> units.add(new MigrationUnit(p.toString(), 1, text(p), true, "golang-migrate", "down")));
        return units;
    }

    private static List<MigrationUnit> flyway(Path dir, List<Path> files) {
        List<Path> versioned = new ArrayList<>();
        List<Path> repeatable = new ArrayList<>();
        List<Path> undo = new ArrayList<>();
        for (Path p : files) {
            Matcher m = FLYWAY.matcher(p.getFileName().toString());
            if (!m.matches()) {
                throw new InputException(dir + ": " + p.getFileName() + " does not follow Flyway's naming "
                        + "(V<version>__<description>.sql, R__<description>.sql or U<version>__<description>.sql) like the other files there.");
            }
            if (m.group(3) != null) {
                repeatable.add(p);
            } else {
                (m.group(1).equals("V") ? versioned : undo).add(p);
            }
        }
        Comparator<Path> byVersion = (a, b) -> FlywayVersion.compare(FlywayVersion.of(a), FlywayVersion.of(b));
        List<MigrationUnit> units = new ArrayList<>();
        versioned.stream().sorted(byVersion).forEach(p -> units.add(flywayUnit(p, "up")));
        repeatable.forEach(p -> units.add(flywayUnit(p, "repeatable")));
        undo.stream().sorted(byVersion.reversed()).forEach(p -> units.add(flywayUnit(p, "undo")));
        return units;
    }

    private static MigrationUnit flywayUnit(Path p, String role) {
        String sql = text(p);
        boolean inTransaction = !Pattern.compile("(?im)^\\s*--\\s*flyway:executeInTransaction\\s*=\\s*false").matcher(sql).find();
        Path conf = p.resolveSibling(p.getFileName() + ".conf");
        if (Files.isRegularFile(conf) && Pattern.compile("(?im)^\\s*executeInTransaction\\s*=\\s*false").matcher(text(conf)).find()) {
            inTransaction = false;
        }
        return new MigrationUnit(p.toString(), 1, sql, inTransaction, "flyway", role);
    }

    /** Flyway's version order: parts split at "." or "_", compared as numbers (1.10 after 1.9). */
    static final class FlywayVersion {

        private FlywayVersion() {
        }

        static List<java.math.BigInteger> of(Path p) {
            Matcher m = FLYWAY.matcher(p.getFileName().toString());
            m.matches();
            List<java.math.BigInteger> parts = new ArrayList<>();
            for (String part : m.group(2).split("[._]+")) {
                if (!part.isEmpty()) {
                    parts.add(new java.math.BigInteger(part));
                }
            }
            return parts;
        }

        static int compare(List<java.math.BigInteger> a, List<java.math.BigInteger> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                java.math.BigInteger x = i < a.size() ? a.get(i) : java.math.BigInteger.ZERO;
                java.math.BigInteger y = i < b.size() ? b.get(i) : java.math.BigInteger.ZERO;
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }

    private static List<MigrationUnit> file(Path p, boolean assumeInTransaction) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = text(p);
        if (name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            return LiquibaseChangelog.read(p, text);
        }
        if (LiquibaseFormattedSql.matches(text)) {
            return LiquibaseFormattedSql.read(p.toString(), text);
        }
        if (DbmateFile.matches(text)) {
            return DbmateFile.read(p.toString(), text);
        }
        Matcher flyway = FLYWAY.matcher(p.getFileName().toString());
        if (flyway.matches()) {
            return List.of(flywayUnit(p, flyway.group(3) != null ? "repeatable" : flyway.group(1).equals("V") ? "up" : "undo"));
        }
        Matcher golang = GOLANG_MIGRATE.matcher(p.getFileName().toString());
        if (golang.matches()) {
            return List.of(new MigrationUnit(p.toString(), 1, text, true, "golang-migrate", golang.group(2)));
        }
        return List.of(new MigrationUnit(p.toString(), 1, text, assumeInTransaction, "plain", "up"));
    }

    static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new InputException("Cannot read " + p + ": it is not UTF-8 text.");
        } catch (IOException e) {
            throw new InputException("Cannot read " + p + " (" + e.getClass().getSimpleName() + "): check the path and permissions.");
        }
    }
}
