package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the server's files a client may name in {@code paths} (migrations) and {@code roots} (code). Over stdio the
 * client is the developer's own assistant, running as the developer: any. Over HTTP the server runs under its own
 * identity and holds what the agent must not read (credentials, other people's files): only files under the
 * configured directories ({@code code.roots}, {@code server.file-roots}), after symbolic links are resolved.
 */
public final class ServerFiles {

    private final List<Path> roots;

    private ServerFiles(List<Path> roots) {
        this.roots = roots;
    }

    public static ServerFiles any() {
        return new ServerFiles(null);
    }

    public static ServerFiles within(List<Path> directories) {
        List<Path> real = new ArrayList<>();
        for (Path directory : directories) {
            try {
                real.add(directory.toRealPath());
            } catch (IOException e) {
                // a configured directory that is gone grants nothing
            }
        }
        return new ServerFiles(List.copyOf(real));
    }

    /** The argument, when the client may name it; else a refusal that does not say whether the file exists. */
    String check(String argument) {
        if (roots == null) {
            return argument;
        }
        Path path;
        try {
            path = Path.of(argument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InputException(argument + ": not a valid path (" + e.getReason() + ")");
        }
        boolean inside = under(path);
        if (inside && Files.exists(path)) {
            try {
                inside = under(path.toRealPath()); // a link inside may point outside
            } catch (IOException e) {
                inside = false;
            }
        }
        if (!inside) {
            throw new InputException(argument + ": this server reads only files under "
                    + (roots.isEmpty()
                            ? "the directories its configuration names, and names none (code.roots, server.file-roots)"
                            : "code.roots and server.file-roots ("
                                    + String.join(
                                            ", ",
                                            roots.stream().map(Path::toString).toList()) + ")")
                    + "; send the migration as sql instead");
        }
        return argument;
    }

    private boolean under(Path path) {
        return roots.stream().anyMatch(path::startsWith);
    }
}
