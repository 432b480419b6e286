package dev.schemaguard.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the tools may read files from, process-wide. A server under its own identity serving agents over HTTP confines
 * every read — a named migration, a file in a named directory, a Liquibase include or sqlFile, a code file — to its
 * configured directories, judged on the real path (links resolved), so no link or include reaches a password file or
 * the state directory. Set once at start; unset (any file) for the CLI and a stdio server, which run as the person.
 */
public final class ReadConfinement {

    private static volatile List<Path> roots;

    private ReadConfinement() {}

    /** From now on, only files whose real path lies under one of {@code directories} are read. */
    public static void confineTo(List<Path> directories) {
        roots = directories.stream()
                .map(ReadConfinement::real)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Any file again (tests that confined the process). */
    public static void lift() {
        roots = null;
    }

    /** The file, when it may be read; an {@link InputException} that does not say whether it exists otherwise. */
    public static Path check(Path file) {
        List<Path> allowed = roots;
        if (allowed == null) {
            return file;
        }
        Path real = real(file);
        if (real == null || allowed.stream().noneMatch(real::startsWith)) {
            throw new InputException(
                    file + ": outside the directories this server reads (code.roots, server.file-roots), "
                            + "after links are resolved; it is not read");
        }
        return file;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }
}
