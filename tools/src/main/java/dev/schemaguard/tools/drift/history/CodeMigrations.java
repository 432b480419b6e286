package dev.schemaguard.tools.drift.history;

import dev.schemaguard.tools.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Migrations written in code, read only for their identities: Rails ({@code 20240101120000_name.rb}, the version its
 * {@code schema_migrations} records) and Alembic (each file's {@code revision} and {@code down_revision}).
 */
final class CodeMigrations {

    private static final Pattern RAILS_FILE = Pattern.compile("^(\\d+)_\\w+\\.rb$");
    private static final Pattern REVISION =
            Pattern.compile("(?m)^revision\\s*(?::\\s*[\\w\\[\\], ]+)?=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern DOWN_REVISION =
            Pattern.compile("(?m)^down_revision\\s*(?::\\s*[\\w\\[\\], |.]+)?=\\s*(.+)$");
    private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]+)['\"]");

    private CodeMigrations() {}

    /** The tree's code migrations, or null when the paths are not one directory of Rails or Alembic migrations. */
    static MigrationsOnDisk readIfCode(List<String> paths) {
        if (paths.size() != 1 || !Files.isDirectory(Path.of(paths.get(0)))) {
            return null;
        }
        Path dir = Path.of(paths.get(0));
        List<Path> files = list(dir);
        List<Path> rails = files.stream()
                .filter(f -> RAILS_FILE.matcher(name(f)).matches() && read(f).contains("ActiveRecord::Migration"))
                .toList();
        if (!rails.isEmpty()) {
            List<MigrationOnDisk> migrations = new ArrayList<>();
            for (Path f : rails) {
                Matcher m = RAILS_FILE.matcher(name(f));
                m.matches();
                migrations.add(new MigrationOnDisk(m.group(1), f.toString(), null, List.of()));
            }
            migrations.sort(Comparator.comparing(m -> new java.math.BigInteger(m.key())));
            return new MigrationsOnDisk("rails", List.copyOf(migrations));
        }
        Map<String, List<String>> parents = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (Path f : files) {
            if (!name(f).endsWith(".py")) {
                continue;
            }
            String text = read(f);
            Matcher revision = REVISION.matcher(text);
            Matcher down = DOWN_REVISION.matcher(text);
            if (!revision.find() || !down.find()) {
                continue;
            }
            List<String> downRevisions = new ArrayList<>();
            Matcher q = QUOTED.matcher(down.group(1));
            while (q.find()) {
                downRevisions.add(q.group(1));
            }
            if (fileOf.put(revision.group(1), f.toString()) != null) {
                throw new InputException(f + ": revision " + revision.group(1) + " is also defined in another file");
            }
            parents.put(revision.group(1), List.copyOf(downRevisions));
        }
        if (parents.isEmpty()) {
            return null;
        }
        List<MigrationOnDisk> migrations = new ArrayList<>();
        for (String revision : baseFirst(parents, dir)) {
            migrations.add(new MigrationOnDisk(revision, fileOf.get(revision), null, List.of()));
        }
        return new MigrationsOnDisk("alembic", List.copyOf(migrations), Map.copyOf(parents));
    }

    /** Revisions from the base up: each after the revisions it builds on. */
    private static List<String> baseFirst(Map<String, List<String>> parents, Path dir) {
        List<String> ordered = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        while (ordered.size() < parents.size()) {
            boolean progress = false;
            for (Map.Entry<String, List<String>> e : parents.entrySet()) {
                if (!placed.contains(e.getKey())
                        && e.getValue().stream().allMatch(p -> placed.contains(p) || !parents.containsKey(p))) {
                    ordered.add(e.getKey());
                    placed.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new InputException(dir + ": the Alembic revisions' down_revision links form a cycle");
            }
        }
        return ordered;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dev.schemaguard.tools.ReadConfinement.check(dir))) {
            return entries.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(CodeMigrations::name))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(dev.schemaguard.tools.ReadConfinement.check(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
