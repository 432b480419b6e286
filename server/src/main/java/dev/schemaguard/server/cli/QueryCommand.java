package dev.schemaguard.server.cli;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.query.RunQuery;
import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;

@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description =
                "Run one plain SELECT, read-only and limited, where the environment's policy allows it (the run_query tool).")
final class QueryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SQL", description = "One SELECT")
    String sql;

    @Option(names = "--env", required = true, paramLabel = "NAME")
    String environment;

    @Option(
            names = "--max-rows",
            defaultValue = "100",
            paramLabel = "N",
            description = "At most N rows, up to 1000 (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaguardConfig config = common.loadConfig();
        RunQuery.Result r = new Guard(config, new JdbcEnvironments(config), Clock.systemUTC())
                .runQuery()
                .run(environment, sql, maxRows, Identity.osUser());
        spec.commandLine()
                .getOut()
                .print(format == OutputFormat.json ? Json.pretty(r) + "\n" : TerminalText.safe(r.toText()));
        spec.commandLine().getOut().flush();
        return SchemaguardMain.OK;
    }
}
