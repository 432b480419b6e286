package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.config.ConfigException;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve MCP for the environments in schemaguard.yaml (stdio by default, or --http).")
final class ServeCommand extends ServerCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        List<String> missing = config.unreadableSecrets(System.getenv());
        if (!missing.isEmpty()) {
            throw new ConfigException("Not starting: " + missing.size() + " secret(s) cannot be read:\n  "
                    + String.join("\n  ", missing));
        }
        if (http && config.sandbox().server() == null && config.sandbox().containerImage() == null) {
            requireConfinedSandboxes();
        }
        ServerRuntime runtime = new ServerRuntime(
                config,
                new JdbcEnvironments(config).keepingCatalogConnections(JdbcEnvironments.CATALOG_CONNECTION_IDLE),
                List.copyOf(config.environments().keySet()),
                null,
                null);
        startServer(runtime, transport(config.server()), false);
        return SchemaguardMain.OK;
    }

    /**
     * Served over HTTP, the server is meant to be the boundary the agent cannot cross (docs/threat-model.md): its
     * embedded sandboxes must then run confined, unless {@code SCHEMAGUARD_POSTGRES_CONFINEMENT} says otherwise.
     */
    private static void requireConfinedSandboxes() {
        try {
            Sandboxes.embeddedConfinement(true);
        } catch (IllegalStateException e) {
            throw new ConfigException("Not starting: " + e.getMessage());
        }
    }
}
