package dev.schemaguard.server.cli;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicyFile;
import dev.schemaguard.policies.policy.PolicyLoader;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.JdbcEnvironments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Validate policy files, and show which rule decides about a migration.",
        subcommands = {PolicyCommand.Check.class, PolicyCommand.Explain.class, CommandLine.HelpCommand.class})
final class PolicyCommand {

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Validate policy files, alone and together (roles defined once, every role used is defined).",
                "Exit code 0 when valid, 2 with file:line of the first problem otherwise."
            })
    static final class Check implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy files")
        List<Path> files;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<PolicyFile> read = new ArrayList<>();
            for (Path f : files) {
                PolicyFile p = PolicyLoader.read(f);
                read.add(p);
                out.println(f + ": ok (" + p.level().id() + ", " + p.scopes().size() + " block(s), roles: "
                        + (p.roles().isEmpty()
                                ? "none"
                                : String.join(", ", p.roles().keySet())) + ")");
            }
            PolicySet.of(read.toArray(PolicyFile[]::new));
            out.println("together: ok (strictest decision wins; precedence organisation → team → repository)");
            out.flush();
            return SchemaguardMain.OK;
        }
    }

    @Command(
            name = "explain",
            mixinStandardHelpOptions = true,
            description = {
                "Show what the policy decides about a migration on an environment, statement by statement, and which "
                        + "rule (file:line) decides. Reads the environment's schema and table sizes; changes nothing."
            })
    static final class Explain implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Mixin
        MigrationFileOptions migration;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            SchemaguardConfig config = common.loadConfig();
            ExplainPolicy explain = new Guard(config, new JdbcEnvironments(config), Clock.systemUTC()).explain();
            ExplainPolicy.Review review =
                    explain.review(migration.environment, migration.sql(), migration.file.toString());
            PrintWriter out = spec.commandLine().getOut();
            out.print(
                    migration.format == OutputFormat.json
                            ? Json.pretty(review.verdict()) + "\n"
                            : TerminalText.safe(review.verdict().toText()));
            out.flush();
            return SchemaguardMain.OK;
        }
    }
}
