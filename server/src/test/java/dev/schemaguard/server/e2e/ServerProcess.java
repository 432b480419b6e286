package dev.schemaguard.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How end-to-end tests start the packaged server: exactly as a user's MCP client would, from the built jar. */
final class ServerProcess {

    private ServerProcess() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("schemaguard.jar", "target/schemaguard.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn verify` (the end-to-end tests need the packaged jar)");
        }
        return jar;
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }
}
