package dev.schemaguard.server.cli;

import dev.schemaguard.tools.config.ConfigLoader;
import dev.schemaguard.tools.config.SchemaguardConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: ./schemaguard.yaml, then ~/.config/schemaguard/schemaguard.yaml)")
    Path config;

    @Option(names = "--verbose", description = "Print stack traces of internal errors")
    boolean verbose;

    SchemaguardConfig loadConfig() {
        return ConfigLoader.load(config);
    }
}
