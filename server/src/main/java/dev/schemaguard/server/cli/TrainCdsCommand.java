package dev.schemaguard.server.cli;

import dev.schemaguard.server.mcp.ServerRuntime;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Starts the stdio server without environments and exits once it is up: the launcher's training run for the
 * class-data-sharing archive, which records the classes a start loads.
 */
@Command(name = "train-cds", hidden = true)
final class TrainCdsCommand extends ServerCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        SchemaguardConfig empty = SchemaguardConfig.of(List.of());
        startServer(new ServerRuntime(empty, new JdbcEnvironments(List.of()), List.of(), null, null),
                transport(empty.server()), true);
        return SchemaguardMain.OK;
    }
}
