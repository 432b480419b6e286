package dev.schemaguard.server.cli;

import dev.schemaguard.tools.config.ConfigLoader;
import dev.schemaguard.tools.config.SchemaguardConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes. */
final class CommonOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Configuration file (default: ./schemaguard.yaml, then ~/.config/schemaguard/schemaguard.yaml, then "
                            + "the environments of a running `schemaguard demo --keep`)")
    Path config;

    @Option(
            names = "--verbose",
            description = "Log what the command does (INFO) on stderr, and print stack traces of internal errors")
    boolean verbose;

    SchemaguardConfig loadConfig() {
        SchemaguardConfig loaded = ConfigLoader.load(config);
        if (config == null && loaded.source() != null && loaded.source().startsWith(ConfigLoader.keptDemoDirectory())) {
            // on stderr: a command's output (JSON, SARIF, the MCP wire) stays what it is
            System.err.println("schemaguard: using the demo's environments, kept by `schemaguard demo --keep` ("
                    + loaded.source() + ")");
        }
        return loaded;
    }
}
