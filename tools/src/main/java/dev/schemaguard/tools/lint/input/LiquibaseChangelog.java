package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Liquibase XML or YAML changelog: one unit per changeSet with the SQL Liquibase would generate for PostgreSQL.
 * Included changelogs are read in place, as Liquibase runs them.
 */
final class LiquibaseChangelog {

    static final String TOOL = "liquibase";

    private static final Set<String> NOT_CHANGES =
            Set.of("comment", "preConditions", "rollback", "validCheckSum", "modifySql");

    /** The units of a changelog and of everything it includes, and the files it included. */
    record Result(List<MigrationUnit> units, Set<Path> included) {}

    private final List<MigrationUnit> units = new ArrayList<>();
    /** Changelog parameters: liquibase.properties' {@code parameter.NAME} first, then each changelog's property (first wins). */
    private final java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();

    private final Set<Path> included = new HashSet<>();
    private final Set<Path> visited = new HashSet<>();

    private LiquibaseChangelog() {}

    static boolean hasChangelogExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The changelog's units, or null if the file's root is not {@code databaseChangeLog}. */
    static Result read(Path file) {
        ChangelogNode root = parse(file);
        if (root == null) {
            return null;
        }
        LiquibaseChangelog changelog = new LiquibaseChangelog();
        changelog.parameters.putAll(LiquibaseProperties.parametersNear(file));
        changelog.visited.add(key(file));
        changelog.readChangelog(file, root);
        List<MigrationUnit> substituted = changelog.units.stream()
                .map(u -> new MigrationUnit(
                        u.file(),
                        u.firstLine(),
                        LiquibaseProperties.substitute(u.sql(), changelog.parameters),
                        u.inTransaction(),
                        u.tool(),
                        u.role(),
                        u.changeSet()))
                .toList();
        return new Result(substituted, Set.copyOf(changelog.included));
    }

    static ChangelogNode parse(Path file) {
        String text = SourceText.read(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            ChangelogNode root = LiquibaseXml.parse(file, text);
            return root.name().equals(LiquibaseYaml.ROOT) ? root : null;
        }
        return LiquibaseYaml.parse(file, text);
    }

    private void readChangelog(Path file, ChangelogNode root) {
        ChangeToSql generator = new ChangeToSql(change -> {
            Path sqlFile = resolve(file, change.attr("path"), change.isTrue("relativeToChangelogFile"), change.line());
            included.add(key(sqlFile)); // read through the changelog, so not a file the directory skipped
            return SourceText.read(sqlFile);
        });
        for (ChangelogNode entry : root.children()) {
            switch (entry.name()) {
                case "changeSet" -> readChangeSet(file, entry, generator);
                case "include" ->
                    include(resolve(file, entry.attr("file"), entry.isTrue("relativeToChangelogFile"), entry.line()));
                case "includeAll" -> includeAll(file, entry);
                case "property" -> {
                    if (entry.attr("name") != null
                            && entry.attr("value") != null
                            && LiquibaseDbms.appliesToPostgres(entry.attr("dbms"))) {
                        parameters.putIfAbsent(entry.attr("name"), entry.attr("value"));
                    }
                }
                default -> {
                    // properties, preconditions and the like produce no SQL
                }
            }
        }
    }

    private void readChangeSet(Path file, ChangelogNode changeSet, ChangeToSql generator) {
        if (!LiquibaseDbms.appliesToPostgres(changeSet.attr("dbms"))) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        for (ChangelogNode change : changeSet.children()) {
            if (!NOT_CHANGES.contains(change.name())) {
                sql.append(generator.toSql(change));
            }
        }
        boolean inTransaction = !"false".equalsIgnoreCase(changeSet.attr("runInTransaction"));
        units.add(new MigrationUnit(
                file.toString(),
                changeSet.line(),
                sql.toString(),
                inTransaction,
                TOOL,
                MigrationUnit.UP,
                changeSet.attr("id") + "::" + changeSet.attr("author")));
    }

    private void include(Path file) {
        if (!visited.add(key(file))) {
            return;
        }
        included.add(key(file));
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            List<String> lines = SourceText.lines(SourceText.read(file));
            if (LiquibaseFormattedSql.matches(lines)) {
                units.addAll(LiquibaseFormattedSql.read(file, lines));
            } else {
                // Liquibase runs an included plain .sql file as a single changeset
                units.add(new MigrationUnit(
                        file.toString(), 1, String.join("\n", lines), true, TOOL, MigrationUnit.UP, "raw::includeAll"));
            }
            return;
        }
        ChangelogNode root = name.endsWith(".json") ? LiquibaseYaml.parse(file, SourceText.read(file)) : parse(file);
        if (root == null) {
            throw new InputException(
                    file + ": included, but not a Liquibase changelog (root must be databaseChangeLog)");
        }
        readChangelog(file, root);
    }

    private void includeAll(Path changelog, ChangelogNode entry) {
        Path dir = resolve(changelog, entry.attr("path"), entry.isTrue("relativeToChangelogFile"), entry.line());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(sql|xml|yaml|yml|json)"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(
                    changelog + ":" + entry.line() + ": cannot list " + dir + " (" + e.getMessage() + ")");
        }
        files.forEach(this::include);
    }

    /**
     * Liquibase resolves non-relative paths against its search path (usually the classpath root), which is unknown
     * here: try the changelog's directory and each of its ancestors.
     */
    private static Path resolve(Path changelog, String reference, boolean relativeToChangelog, int line) {
        if (reference == null || reference.isBlank()) {
            throw new InputException(changelog + ":" + line + ": include/sqlFile without a file or path");
        }
        String cleaned = reference.startsWith("classpath:") ? reference.substring("classpath:".length()) : reference;
        List<Path> candidates = new ArrayList<>();
        candidates.add(changelog.resolveSibling(cleaned).normalize());
        if (!relativeToChangelog) {
            if (Path.of(cleaned).isAbsolute()) {
                candidates.add(Path.of(cleaned));
            }
            String relative = cleaned.replaceFirst("^/+", "");
            for (Path dir = changelog.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
                candidates.add(dir.resolve(relative).normalize());
            }
        }
        return candidates.stream()
                .filter(Files::exists)
                .findFirst()
                .orElseThrow(() -> new InputException(changelog + ":" + line + ": " + reference
                        + " not found (looked in " + candidates.get(0).getParent() + ")"));
    }

    static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
