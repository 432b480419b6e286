package dev.schemaguard.server.cli;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.policies.audit.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Check or export the hash-chained audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class, CommandLine.HelpCommand.class})
final class AuditCommand {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Recompute the hash chain: any edited, deleted, inserted or cut-off entry is reported.",
                "Exit code 0 when intact, 1 otherwise."
            })
    static final class Verify implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var guard = common.loadConfig().guard();
            AuditLog log = Guard.audit(guard, Clock.systemUTC());
            AuditLog.Verification v = log.verify();
            // approval requests whose stored state the log does not bear out (edited in their file or table)
            java.util.List<String> requests =
                    Guard.approvals(guard, Clock.systemUTC()).integrityProblems();
            boolean intact = v.intact() && requests.isEmpty();
            PrintWriter out = spec.commandLine().getOut();
            out.println(log.location() + ": " + v.entries() + " entries, " + (intact ? "intact" : "NOT INTACT"));
            v.problems().forEach(p -> out.println("  - " + p));
            requests.forEach(p -> out.println("  - " + p));
            out.flush();
            return intact ? SchemaguardMain.OK : SchemaguardMain.TOOL_FAILURE;
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Print every entry as JSON lines (for a log store).")
    static final class Export implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Guard.audit(common.loadConfig().guard(), Clock.systemUTC()).export().forEach(out::println);
            out.flush();
            return SchemaguardMain.OK;
        }
    }
}
