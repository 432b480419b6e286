package dev.schemaguard.server.mcp;

import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.Environments;

import java.util.List;

/**
 * What a running server is given by the command that started it: the configuration, the environments (for the demo,
 * ones still starting) and their names (known at once, so the server can announce them without waiting), and what
 * must be closed when it stops.
 */
public record ServerRuntime(SchemaguardConfig config, Environments environments, List<String> environmentNames,
                            Runnable onStart, AutoCloseable onStop) {

    /** Runs once logging is set up, before the server accepts its first message (e.g. to boot the demo database). */
    void started() {
        if (onStart != null) {
            onStart.run();
        }
    }
}
