package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.demo.DemoEnvironment;
import dev.schemaguard.tools.config.ConfigLoader;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * {@code schemaguard demo --keep}: the demo's environments for every CLI command, for as long as the demo runs. Its
 * directory ({@code $XDG_STATE_HOME/schemaguard/demo}) holds a {@code schemaguard.yaml} the CLI finds when there is no
 * configuration of one's own, the passwords it names (readable only by this user), the demo's policy, and the
 * demo's own approvals and audit log ({@code state/}), apart from any real ones. Everything but {@code state/} is
 * removed when the demo stops; a file left by a demo killed outright is ignored, as its process is gone.
 */
final class KeptDemo implements AutoCloseable {

    static final String POLICY_FILE = "demo-policy.yaml";

    private final Path directory;

    private KeptDemo(Path directory) {
        this.directory = directory;
    }

    /** Writes the configuration of {@code demo}'s environments into {@code directory}. */
    static KeptDemo write(DemoEnvironment demo, Path directory) {
        try {
            Files.createDirectories(directory.resolve("state"));
            StringBuilder yaml =
                    new StringBuilder("# written by `schemaguard demo --keep`; removed when it stops\nenvironments:\n");
            for (EnvironmentConfig environment : demo.environments()) {
                String passwordFile = secret(directory, environment.name() + ".password", environment.password());
                yaml.append("  ")
                        .append(environment.name())
                        .append(":\n")
                        .append("    url: ")
                        .append(environment.url())
                        .append('\n')
                        .append("    user: ")
                        .append(environment.user())
                        .append('\n')
                        .append("    password-file: ")
                        .append(passwordFile)
                        .append('\n')
                        .append("    protection: ")
                        .append(environment.protection().id())
                        .append('\n');
                if (environment.reader() != null) {
                    yaml.append("    reader:\n")
                            .append("      user: ")
                            .append(environment.reader().user())
                            .append('\n')
                            .append("      password-file: ")
                            .append(secret(
                                    directory,
                                    environment.name() + ".reader.password",
                                    environment.reader().password()))
                            .append('\n');
                }
            }
            try (InputStream policy =
                    KeptDemo.class.getResourceAsStream("/dev/schemaguard/policies/demo-policy.yaml")) {
                if (policy == null) {
                    throw new IOException("the demo policy is not in this build");
                }
                Files.write(directory.resolve(POLICY_FILE), policy.readAllBytes());
            }
            yaml.append("guard:\n  policies: [").append(POLICY_FILE).append("]\n  state-dir: state\n");
            privateFile(directory.resolve(ConfigLoader.FILE_NAME), yaml.toString());
            Files.writeString(
                    directory.resolve(ConfigLoader.KEPT_DEMO_PID),
                    ProcessHandle.current().pid() + "\n");
            return new KeptDemo(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the demo's configuration could not be written to " + directory + ": " + e.getMessage(), e);
        }
    }

    Path configuration() {
        return directory.resolve(ConfigLoader.FILE_NAME);
    }

    Path stateDirectory() {
        return directory.resolve("state");
    }

    private static String secret(Path directory, String file, PasswordSource password) throws IOException {
        privateFile(directory.resolve(file), password.resolve(Map.of()).orElseThrow() + "\n");
        return file;
    }

    private static void privateFile(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
    }

    /** Removes what points at the demo's databases; its approvals and audit log stay, as the demo's. */
    @Override
    public void close() {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // the JVM is stopping; what is left is ignored once this process is gone (demo.pid)
        }
    }

    static List<String> instructions(KeptDemo kept) {
        return List.of(
                "schemaguard: the demo's environments dev and prod are ready for the CLI until you stop this (Ctrl-C), e.g.",
                "  ./schemaguard inspect --env prod",
                "  ./schemaguard apply --env prod examples/migrations/V41__order_channel.sql   (then approve it: README, the approval flow)",
                "Its configuration: " + kept.configuration()
                        + " (found by the CLI when there is no ./schemaguard.yaml);",
                "its approvals and audit log, the demo's own: " + kept.stateDirectory());
    }
}
