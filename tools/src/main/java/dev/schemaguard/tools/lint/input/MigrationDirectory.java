package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A directory of migrations (not recursive): golang-migrate, Flyway, or a mix of dbmate, Liquibase and plain files. */
final class MigrationDirectory {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+).*");

    private MigrationDirectory() {}

    static List<MigrationUnit> read(Path dir, boolean assumeInTransaction, Consumer<String> skipped) {
        if (SqitchLayout.matches(dir)) {
            return SqitchLayout.read(dir, skipped);
        }
        List<Path> files = list(dir);
        List<Path> subdirectories = FolderPerMigrationLayout.subdirectories(dir);
        List<MigrationUnit> perFolder = FolderPerMigrationLayout.readIfMatches(dir, subdirectories, files, skipped);
        if (perFolder != null) {
            return perFolder;
        }
        refuseCodeMigrations(dir);
        List<MigrationUnit> units = readFlat(dir, files, assumeInTransaction);
        // a directory of migrations is read flat: SQL in a subdirectory that no changelog includes would be skipped
        // silently
        Set<Path> read = new HashSet<>();
        units.forEach(u -> read.add(LiquibaseChangelog.key(Path.of(u.file()))));
        for (Path file : files) {
            LiquibaseChangelog.Result changelog =
                    LiquibaseChangelog.hasChangelogExtension(file) ? LiquibaseChangelog.read(file) : null;
            if (changelog != null) {
                read.addAll(changelog.included());
            }
        }
        List<String> unread = subdirectories.stream()
                .filter(d -> FolderPerMigrationLayout.sqlFiles(d).stream()
                        .anyMatch(f -> !read.contains(LiquibaseChangelog.key(f))))
                .map(d -> d.getFileName().toString())
                .sorted()
                .toList();
        if (!unread.isEmpty()) {
            throw new InputException(
                    dir + ": the subdirectories " + String.join(", ", unread) + " hold SQL files that nothing "
                            + "here reads (a directory is read flat; only Diesel's and Prisma's one-directory-per-migration trees and "
                            + "Liquibase includes go below it); pass each as its own argument");
        }
        return units;
    }

    private static List<MigrationUnit> readFlat(Path dir, List<Path> files, boolean assumeInTransaction) {
        List<Path> sql = files.stream().filter(f -> extension(f).equals("sql")).toList();
        if (sql.stream().anyMatch(f -> GolangMigrateLayout.matches(name(f)))) {
            requireLayout(
                    dir,
                    files,
                    sql,
                    GolangMigrateLayout::matches,
                    "golang-migrate",
                    "golang-migrate's naming (<version>_<name>.up.sql / .down.sql)");
            return GolangMigrateLayout.read(sql);
        }
        if (sql.stream().anyMatch(f -> FlywayLayout.matches(name(f)))) {
            requireLayout(
                    dir,
                    files,
                    sql,
                    FlywayLayout::matches,
                    "Flyway",
                    "Flyway's naming (V<version>__<description>.sql, R__<description>.sql or U<version>__<description>.sql)");
            return FlywayLayout.read(sql);
        }
        return readMixed(dir, files, assumeInTransaction);
    }

    private static void requireLayout(
            Path dir, List<Path> files, List<Path> sql, Predicate<String> naming, String tool, String expected) {
        for (Path file : sql) {
            if (!naming.test(name(file))) {
                throw new InputException(dir + ": " + name(file) + " does not follow " + expected
                        + ", but other files in the directory do");
            }
        }
        for (Path file : files) {
            if (LiquibaseChangelog.hasChangelogExtension(file) && LiquibaseChangelog.parse(file) != null) {
                throw new InputException(dir + ": " + name(file) + " is a Liquibase changelog in a directory of " + tool
                        + " migrations; pass it as its own argument");
            }
        }
    }

    private static List<MigrationUnit> readMixed(Path dir, List<Path> files, boolean assumeInTransaction) {
        Map<Path, List<MigrationUnit>> unitsByFile = new LinkedHashMap<>();
        Set<Path> included = new HashSet<>();
        for (Path file : files) {
            if (extension(file).equals("sql")) {
                unitsByFile.put(file, SqlFile.read(file, assumeInTransaction));
            } else if (LiquibaseChangelog.hasChangelogExtension(file)) {
                LiquibaseChangelog.Result changelog = LiquibaseChangelog.read(file);
                if (changelog != null) {
                    unitsByFile.put(file, changelog.units());
                    included.addAll(changelog.included());
                }
            }
        }
        // a master changelog already runs the files it includes
        unitsByFile.keySet().removeIf(file -> included.contains(LiquibaseChangelog.key(file)));
        if (unitsByFile.isEmpty()) {
            throw new InputException(
                    dir + ": no migrations found (expected .sql files or Liquibase .xml/.yaml/.yml changelogs)");
        }
        List<Path> ordered = new ArrayList<>(unitsByFile.keySet());
        ordered.sort(runOrder(ordered));
        List<MigrationUnit> units = new ArrayList<>();
        ordered.forEach(file -> units.addAll(unitsByFile.get(file)));
        return units;
    }

    /** Migrations written in code: refused with the command that prints the SQL they run, never linted as nothing. */
    private static void refuseCodeMigrations(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.filter(Files::isRegularFile).sorted().toList()) {
                String name = name(file);
                if (!name.endsWith(".rb") && !name.endsWith(".py")) {
                    continue;
                }
                String text = SourceText.read(file);
                if (name.endsWith(".rb") && text.contains("ActiveRecord::Migration")) {
                    throw new InputException(
                            dir + ": Rails migrations (Ruby, e.g. " + name + ") are not SQL. Lint the SQL they run: "
                                    + "with config.active_record.schema_format = :sql, `bin/rails db:migrate` writes db/structure.sql — lint "
                                    + "the statements a migration adds there, or log them with `bin/rails db:migrate:up VERSION=...` and lint the log");
                }
                if (name.endsWith(".py") && text.contains("migrations.Migration")) {
                    throw new InputException(
                            dir + ": Django migrations (Python, e.g. " + name + ") are not SQL. Print each one's "
                                    + "SQL with `python manage.py sqlmigrate APP_LABEL MIGRATION_NAME` and lint that");
                }
                if (name.endsWith(".py") && text.contains("def upgrade") && text.contains("revision")) {
                    throw new InputException(
                            dir + ": Alembic migrations (Python, e.g. " + name + ") are not SQL. Print the SQL "
                                    + "with `alembic upgrade FROM:TO --sql` (offline mode) and lint that");
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")");
        }
    }

    /** By leading number when every file has one (1_a, 2_b, 10_c), else by name. */
    private static Comparator<Path> runOrder(List<Path> files) {
        Comparator<Path> byName = Comparator.comparing(MigrationDirectory::name);
        boolean allNumbered =
                files.stream().allMatch(f -> LEADING_NUMBER.matcher(name(f)).matches());
        if (!allNumbered) {
            return byName;
        }
        return Comparator.comparing((Path f) -> {
                    Matcher m = LEADING_NUMBER.matcher(name(f));
                    m.matches();
                    return new BigInteger(m.group(1));
                })
                .thenComparing(byName);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> Set.of("sql", "xml", "yaml", "yml", "conf").contains(extension(f)))
                    .sorted(Comparator.comparing(MigrationDirectory::name))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")");
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    static String extension(Path file) {
        String name = name(file);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
