package dev.schemaguard.server.cli;

import dev.schemaguard.tools.InputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What apply and policy explain share: one migration file, read as the exact text a decision and an approval bind. */
final class MigrationFileOptions {

    @Parameters(
            index = "0",
            paramLabel = "MIGRATION",
            description = "The migration file; its exact bytes are what an approval binds")
    Path file;

    @Option(
            names = "--env",
            required = true,
            paramLabel = "NAME",
            description = "Environment the migration is meant for")
    String environment;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    String sql() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + " is not a file.");
        }
        return Files.readString(file);
    }
}
