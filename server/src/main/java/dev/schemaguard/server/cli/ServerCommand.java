package dev.schemaguard.server.cli;

import dev.schemaguard.server.app.McpServerLauncher;
import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.config.ConfigException;
import dev.schemaguard.tools.config.ServerSettings;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** What {@code serve} and {@code demo} share: the transport options and starting the server. */
abstract class ServerCommand {

    private static volatile boolean serving;

    @Option(names = "--http", description = "Serve MCP over Streamable HTTP at /mcp instead of stdio")
    boolean http;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to bind with --http (default from schemaguard.yaml server.host, else 127.0.0.1)")
    String host;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port with --http (default from schemaguard.yaml server.port, else 8765; 0 picks a free one)")
    Integer port;

    static boolean isServing() {
        return serving;
    }

    McpServerLauncher.Transport transport(ServerSettings settings) {
        if (!http) {
            return new McpServerLauncher.Transport.Stdio();
        }
        String bind = host != null ? host : settings.host();
        int chosenPort = port != null ? port : settings.port();
        if (!isLoopback(bind) && settings.auth() == null) {
            throw new ConfigException(
                    "Refusing to bind to " + bind + " without authentication: a server reachable from the "
                            + "network must check who calls it. Configure bearer tokens in schemaguard.yaml (server.auth: issuer, "
                            + "jwks-uri, optionally audience) or bind to 127.0.0.1 (the default).");
        }
        return new McpServerLauncher.Transport.Http(bind, chosenPort);
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    void startServer(ServerRuntime runtime, McpServerLauncher.Transport transport, boolean exitAfterStart) {
        serving = !exitAfterStart;
        if (transport instanceof McpServerLauncher.Transport.Stdio && System.console() != null && !exitAfterStart) {
            // A person started it in a terminal: say what it is waiting for (on stderr, never on the wire).
            System.err.println(
                    "schemaguard: serving MCP on stdio for " + runtime.environmentNames() + ". It is meant to be "
                            + "started by an MCP client (see README.md); press Ctrl-D to stop. Log: " + logFile());
        }
        McpServerLauncher.start(runtime, transport, SchemaguardMain.version(), logFile(), exitAfterStart);
    }

    static Path logFile() {
        String configured = System.getenv("SCHEMAGUARD_LOG");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "schemaguard", "schemaguard.log");
    }
}
