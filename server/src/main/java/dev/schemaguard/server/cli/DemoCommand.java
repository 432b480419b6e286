package dev.schemaguard.server.cli;

import dev.schemaguard.sandbox.demo.DemoEnvironment;
import dev.schemaguard.server.mcp.DeferredEnvironments;
import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.config.ConfigException;
import dev.schemaguard.tools.config.ConfigLoader;
import dev.schemaguard.tools.config.GuardSettings;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start an embedded PostgreSQL with the demo shop database as environments `dev` (development) and "
                    + "`prod` (production), and serve MCP for them (stdio by default, or --http).",
            "Nothing to install: the database binaries come from Maven. Its data is removed on exit."
        })
final class DemoCommand extends ServerCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--keep",
            description = {
                "Keep the demo's environments for the CLI until stopped (Ctrl-C): every "
                        + "command with --env reaches dev and prod from another terminal, and the demo's approvals and audit log are "
                        + "its own. Serves MCP too only with --http."
            })
    boolean keep;

    @Override
    public Integer call() {
        SchemaguardConfig settings = common.loadConfig();
        if (keep) {
            return keepForTheCli(settings);
        }
        // The database boots while the server answers the MCP handshake; tool calls wait for it.
        CompletableFuture<DemoEnvironment> demo = new CompletableFuture<>();
        Runnable boot = () -> CompletableFuture.runAsync(() -> {
            try {
                demo.complete(DemoEnvironment.start());
            } catch (Throwable e) {
                demo.completeExceptionally(e);
            }
        });
        CompletableFuture<JdbcEnvironments> environments =
                demo.thenApply(d -> new JdbcEnvironments(d.environments(), System.getenv(), settings.statementTimeout())
                        .keepingCatalogConnections(JdbcEnvironments.CATALOG_CONNECTION_IDLE));
        AutoCloseable stop = () -> {
            environments.thenAccept(JdbcEnvironments::close).exceptionally(e -> null);
            demo.thenAccept(DemoEnvironment::close).exceptionally(e -> null).join();
        };
        // The demo's own policy lets one person request and approve; approvals live in the usual state directory, bound
        // to the demo's databases, so `schemaguard approvals approve ID` works from another terminal.
        SchemaguardConfig demoConfig = SchemaguardConfig.of(List.of())
                .withServer(settings.server())
                .withGuard(GuardSettings.demo(settings.guard().stateDir()));
        ServerRuntime runtime = new ServerRuntime(
                demoConfig,
                new DeferredEnvironments(environments),
                List.of(DemoEnvironment.DEV, DemoEnvironment.PROD),
                boot,
                stop,
                List.of(DemoEnvironment.PROD));
        startServer(runtime, transport(settings.server()), false);
        return SchemaguardMain.OK;
    }

    private Integer keepForTheCli(SchemaguardConfig settings) {
        Path directory = ConfigLoader.keptDemoDirectory();
        Optional<Long> running = ConfigLoader.keptDemoProcess(directory);
        if (running.isPresent()) {
            throw new ConfigException("A demo is already kept for the CLI, by process " + running.get() + " ("
                    + directory + "); stop it first, or use it.");
        }
        DemoEnvironment demo = DemoEnvironment.start();
        KeptDemo kept = KeptDemo.write(demo, directory);
        Runtime.getRuntime().addShutdownHook(new Thread(kept::close, "schemaguard-kept-demo"));
        KeptDemo.instructions(kept).forEach(System.err::println);
        if (http) {
            SchemaguardConfig config = ConfigLoader.read(kept.configuration()).withServer(settings.server());
            ServerRuntime runtime = new ServerRuntime(
                    config,
                    new JdbcEnvironments(config),
                    List.of(DemoEnvironment.DEV, DemoEnvironment.PROD),
                    null,
                    demo::close,
                    List.of(DemoEnvironment.PROD));
            startServer(runtime, transport(settings.server()), false);
            return SchemaguardMain.OK;
        }
        try {
            new CountDownLatch(1)
                    .await(); // until Ctrl-C or SIGTERM: the shutdown hooks stop the database and remove the files
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SchemaguardMain.OK;
    }
}
