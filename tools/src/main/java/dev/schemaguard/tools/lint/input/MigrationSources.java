package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** Reads migrations in the layouts of Flyway, golang-migrate, dbmate, Liquibase and plain SQL files. */
public final class MigrationSources {

    private MigrationSources() {}

    /**
     * Runs {@code read} (a reading of migrations) with Liquibase changelog parameters given on the command line: they
     * win over liquibase.properties and {@code <property>}, as on Liquibase's own command line.
     */
    public static <T> T withLiquibaseParameters(
            java.util.Map<String, String> parameters, java.util.function.Supplier<T> read) {
        return parameters == null || parameters.isEmpty()
                ? read.get()
                : LiquibaseProperties.withGiven(parameters, read);
    }

    /** The migration of a tool call or command: its text, or files and directories; exactly one of the two. */
    public static List<MigrationUnit> of(String sql, List<String> paths, boolean assumeInTransaction) {
        return of(sql, paths, assumeInTransaction, skipped -> {});
    }

    /**
     * @param skipped told of each file a layout leaves out because its tool would not run it (a loose .sql beside
     *                Diesel's migration directories), with why: a linter says so instead of passing over it silently
     */
    public static List<MigrationUnit> of(
            String sql, List<String> paths, boolean assumeInTransaction, Consumer<String> skipped) {
        boolean hasPaths = paths != null && !paths.isEmpty();
        if ((sql == null) == !hasPaths) {
            throw new InputException(
                    "Pass either sql (the migration text) or paths (migration files or directories), not "
                            + (sql == null ? "neither" : "both") + ".");
        }
        return sql != null
                ? List.of(new MigrationUnit("migration.sql", 1, sql, assumeInTransaction, "plain", "up"))
                : read(paths, assumeInTransaction, skipped);
    }

    /** Reads files and directories, detects each one's layout, returns units in the order the owning tool would run them. */
    public static List<MigrationUnit> read(List<String> paths, boolean assumeInTransaction) {
        return read(paths, assumeInTransaction, skipped -> {});
    }

    public static List<MigrationUnit> read(List<String> paths, boolean assumeInTransaction, Consumer<String> skipped) {
        if (paths == null || paths.isEmpty()) {
            throw new InputException("No migration file or directory given");
        }
        List<MigrationUnit> units = new ArrayList<>();
        for (String argument : paths) {
            Path path = toPath(argument);
            List<MigrationUnit> read = Files.isDirectory(path)
                    ? MigrationDirectory.read(path, assumeInTransaction, skipped)
                    : readFile(path, assumeInTransaction);
            units.addAll(inRunOrder(read));
        }
        return List.copyOf(units);
    }

    private static Path toPath(String argument) {
        Path path;
        try {
            path = Path.of(argument);
        } catch (InvalidPathException e) {
            throw new InputException(argument + ": not a valid path (" + e.getReason() + ")");
        }
        if (!Files.exists(path)) {
            throw new InputException(argument + ": no such file or directory");
        }
        return path;
    }

    private static List<MigrationUnit> readFile(Path file, boolean assumeInTransaction) {
        String extension = MigrationDirectory.extension(file);
        if (extension.equals("sql")) {
            return SqlFile.read(file, assumeInTransaction);
        }
        if (LiquibaseChangelog.hasChangelogExtension(file)) {
            LiquibaseChangelog.Result changelog = LiquibaseChangelog.read(file);
            if (changelog == null) {
                throw new InputException(file + ": not a Liquibase changelog (its root must be databaseChangeLog)");
            }
            return changelog.units();
        }
        throw new InputException("Not a migration file: " + file + ". Only .sql, Liquibase .xml/.yaml/.yml are read");
    }

    /** Forward units (up, repeatable) as read; then down, undo and rollback units last-first, as a full revert runs them. */
    private static List<MigrationUnit> inRunOrder(List<MigrationUnit> units) {
        List<MigrationUnit> ordered = new ArrayList<>();
        List<MigrationUnit> reverts = new ArrayList<>();
        for (MigrationUnit unit : units) {
            (unit.reverts() ? reverts : ordered).add(unit);
        }
        Collections.reverse(reverts);
        ordered.addAll(reverts);
        return ordered;
    }
}
