package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Layouts with one directory per migration, run in the order of the directories' names (their leading version):
 * Diesel ({@code <version>_<name>/up.sql}, {@code down.sql}, {@code metadata.toml} whose {@code run_in_transaction =
 * false} runs it outside a transaction) and Prisma ({@code <timestamp>_<name>/migration.sql}, beside
 * {@code migration_lock.toml}).
 */
final class FolderPerMigrationLayout {

    private static final Pattern NO_TRANSACTION =
            Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*(#.*)?$");

    private FolderPerMigrationLayout() {}

    /** The units of a Diesel or Prisma tree, or null when {@code dir} is neither. */
    static List<MigrationUnit> readIfMatches(
            Path dir, List<Path> subdirectories, List<Path> looseFiles, Consumer<String> skipped) {
        boolean diesel = subdirectories.stream().anyMatch(d -> Files.isRegularFile(d.resolve("up.sql")));
        boolean prisma =
                !diesel && subdirectories.stream().anyMatch(d -> Files.isRegularFile(d.resolve("migration.sql")));
        if (!diesel && !prisma) {
            return null;
        }
        String tool = diesel ? "diesel" : "prisma";
        for (Path loose : looseFiles) {
            String name = loose.getFileName().toString();
            if (name.endsWith(".sql")) {
                skipped.accept(loose + " (beside the " + tool + " migration directories, where " + tool
                        + " does not run it; pass it as its own argument to read it)");
            }
        }
        List<MigrationUnit> units = new ArrayList<>();
        // Diesel runs its migrations by version (the name before the first underscore, dashes left out), so that
        // 2017-09-23-182408_x comes after 20170308140537_y; Prisma by directory name
        Comparator<Path> byName = Comparator.comparing(d -> d.getFileName().toString());
        List<Path> ordered = subdirectories.stream()
                .sorted(
                        diesel
                                ? Comparator.comparing((Path d) -> HistoryKeys.diesel(
                                                d.getFileName().toString()))
                                        .thenComparing(byName)
                                : byName)
                .toList();
        for (Path migration : ordered) {
            if (diesel) {
                units.addAll(diesel(migration));
            } else {
                units.add(prisma(migration));
            }
        }
        return units;
    }

    private static List<MigrationUnit> diesel(Path migration) {
        Path up = migration.resolve("up.sql");
        if (!Files.isRegularFile(up)) {
            throw new InputException(
                    migration + ": a directory in a Diesel migrations tree without up.sql; Diesel would refuse "
                            + "the tree, and it is not linted");
        }
        Path metadata = migration.resolve("metadata.toml");
        boolean inTransaction = !(Files.isRegularFile(metadata)
                && NO_TRANSACTION.matcher(SourceText.read(metadata)).find());
        List<MigrationUnit> units = new ArrayList<>();
        units.add(new MigrationUnit(up.toString(), 1, SourceText.read(up), inTransaction, "diesel", MigrationUnit.UP));
        Path down = migration.resolve("down.sql");
        if (Files.isRegularFile(down)) {
            units.add(new MigrationUnit(
                    down.toString(), 1, SourceText.read(down), inTransaction, "diesel", MigrationUnit.DOWN));
        }
        return units;
    }

    private static MigrationUnit prisma(Path migration) {
        Path sql = migration.resolve("migration.sql");
        if (!Files.isRegularFile(sql)) {
            throw new InputException(
                    migration + ": a directory in a Prisma migrations tree without migration.sql; it is not linted");
        }
        String text = SourceText.read(sql);
        return new MigrationUnit(
                sql.toString(), 1, text, !TransactionBlocks.onlyOutsideTransactions(text), "prisma", MigrationUnit.UP);
    }

    static List<Path> subdirectories(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")");
        }
    }

    /** The .sql files in a directory and a few levels below: migrations that must not be skipped silently. */
    static List<Path> sqlFiles(Path dir) {
        try (Stream<Path> entries = Files.walk(dir, 3)) {
            return entries.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")");
        }
    }
}
