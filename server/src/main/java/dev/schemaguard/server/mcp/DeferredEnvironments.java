package dev.schemaguard.server.mcp;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.env.Environments;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Environments that become available a little after the server starts — the embedded demo's database boots while the
 * MCP handshake is already answered. Calls wait for them (up to a limit) instead of failing.
 */
public final class DeferredEnvironments implements Environments {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private final CompletableFuture<? extends Environments> ready;

    public DeferredEnvironments(CompletableFuture<? extends Environments> ready) {
        this.ready = ready;
    }

    private Environments await() {
        try {
            return ready.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("Interrupted while waiting for the databases to start.");
        } catch (TimeoutException e) {
            throw new ToolException(
                    "The databases are still starting after " + WAIT.toSeconds() + " s; try again shortly.");
        } catch (ExecutionException e) {
            throw new ToolException("The databases could not be started: "
                    + e.getCause().getMessage() + ". See the server log; restarting the server may help.");
        }
    }

    @Override
    public List<EnvironmentConfig> list() {
        return await().list();
    }

    @Override
    public EnvironmentConfig get(String name) {
        return await().get(name);
    }

    @Override
    public Connection openReadOnly(String name) {
        return await().openReadOnly(name);
    }

    @Override
    public <T> T readCatalog(String name, CatalogRead<T> read) throws java.sql.SQLException {
        return await().readCatalog(name, read);
    }

    @Override
    public Connection openForChange(String name) {
        return await().openForChange(name);
    }

    @Override
    public Connection openAsReader(String name) {
        return await().openAsReader(name);
    }
}
