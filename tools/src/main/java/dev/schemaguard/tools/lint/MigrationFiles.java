package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads migration files named on the command line or by a tool call: {@code .sql} files, or directories of them
 * (in name order, which is Flyway's and golang-migrate's order for zero-padded versions). Nothing else is read: a
 * path to any other kind of file is refused, so the tool cannot be used to read arbitrary files.
 */
public final class MigrationFiles {

    private MigrationFiles() {
    }

    public static Map<String, String> read(List<String> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new InputException("No migration given: pass sql (the migration text) or paths (.sql files or directories).");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String text : paths) {
            Path path = Path.of(text);
            if (Files.isDirectory(path)) {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new InputException("Cannot list directory " + path + ": " + e.getMessage());
                }
                if (files.isEmpty()) {
                    throw new InputException("Directory " + path + " holds no .sql files.");
                }
                files.forEach(f -> result.put(f.toString(), readFile(f)));
            } else if (path.getFileName() != null && path.getFileName().toString().endsWith(".sql")) {
                result.put(path.toString(), readFile(path));
            } else {
                throw new InputException("Not a .sql file or a directory: " + path + ". Only migration files are read.");
            }
        }
        return result;
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException("Cannot read " + file + " (" + e.getClass().getSimpleName() + "): check the path and permissions.");
        }
    }
}
