package dev.schemaguard.server.runtime;

import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.Environments;

import java.util.List;

/**
 * What a running server is given by the command that started it: the configuration, the environments (for the demo,
 * ones still starting) and their names (known at once, so the server can announce them without waiting), and what
 * must be closed when it stops.
 */
public record ServerRuntime(
        SchemaguardConfig config,
        Environments environments,
        List<String> environmentNames,
        Runnable onStart,
        AutoCloseable onStop,
        List<String> productionEnvironments) {

    public ServerRuntime(
            SchemaguardConfig config,
            Environments environments,
            List<String> environmentNames,
            Runnable onStart,
            AutoCloseable onStop) {
        this(
                config,
                environments,
                environmentNames,
                onStart,
                onStop,
                config.environments().values().stream()
                        .filter(e -> e.protection() == dev.schemaguard.tools.config.Protection.PRODUCTION)
                        .map(dev.schemaguard.tools.config.EnvironmentConfig::name)
                        .toList());
    }

    /**
     * The honest warning of a stdio server: it runs as its client's OS user, so an agent with a shell can do what it
     * can — read the credentials it holds, run the approval CLI, or connect directly. Null when it holds no
     * production environment.
     */
    public String advisoryWarning(boolean stdio) {
        if (!stdio || productionEnvironments.isEmpty()) {
            return null;
        }
        return "This schemaguard server runs over stdio, as the same OS user as its MCP client, and holds the credentials of "
                + "production environment(s) " + String.join(", ", productionEnvironments)
                + ". An agent that can run shell "
                + "commands as that user can read those credentials and connect without schemaguard, or run its CLI: here the "
                + "guard is advisory. For a guard an agent cannot get around, run `schemaguard serve --http` under its own OS "
                + "user, with the production passwords readable only by it, and approve on its approval page with a passkey "
                + "(docs/threat-model.md).";
    }

    /** Runs once logging is set up, before the server accepts its first message (e.g. to boot the demo database). */
    public void started() {
        if (onStart != null) {
            onStart.run();
        }
    }
}
