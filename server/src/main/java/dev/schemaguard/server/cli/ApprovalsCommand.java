package dev.schemaguard.server.cli;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.SchemaguardConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "approvals",
        mixinStandardHelpOptions = true,
        description = {
            "List, read, approve or reject approval requests. You act as your OS user: the policy decides whether "
                    + "that user may approve (its roles, never the requester unless the policy allows it)."
        },
        subcommands = {
            ApprovalsCommand.ListRequests.class,
            ApprovalsCommand.Show.class,
            ApprovalsCommand.Approve.class,
            ApprovalsCommand.Reject.class,
            CommandLine.HelpCommand.class
        })
final class ApprovalsCommand {

    static Approvals approvals(CommonOptions common) {
        return Guard.approvals(common.loadConfig().guard(), Clock.systemUTC());
    }

    static String summary(ApprovalRequest r) {
        return r.id() + "  " + r.status() + "  " + r.environment() + "  requested by " + r.requester() + " at "
                + r.created() + "  expires " + r.expires();
    }

    static String details(ApprovalRequest r) {
        StringBuilder out = new StringBuilder(summary(r)).append('\n');
        out.append("needs: ").append(r.needs().describe()).append('\n');
        out.append("sql sha256: ").append(r.sqlSha256()).append('\n');
        if (r.evidenceReportId() != null) {
            out.append("evidence: ")
                    .append(String.join(", ", r.evidence()))
                    .append(" (check report ")
                    .append(r.evidenceReportId())
                    .append(")\n");
        }
        out.append("why approval is needed:\n");
        r.reasons().forEach(reason -> out.append("  - ").append(reason).append('\n'));
        if (!r.votes().isEmpty()) {
            out.append("answers:\n");
            r.votes()
                    .forEach(v -> out.append("  - ")
                            .append(v.who())
                            .append(' ')
                            .append(v.decision())
                            .append(" at ")
                            .append(v.at())
                            .append(v.comment() == null ? "" : ": " + v.comment())
                            .append('\n'));
        }
        out.append("SQL (exactly as it will run; control characters shown escaped):\n");
        String[] lines = r.sql().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%4d | ", i + 1)).append(lines[i]).append('\n');
        }
        return TerminalText.safe(out.toString());
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Pending requests (all with --all), newest first.")
    static final class ListRequests implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--all", description = "Include approved, rejected, applied and expired requests")
        boolean all;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ApprovalRequest> requests = approvals(common).list(all);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.pretty(requests));
            } else if (requests.isEmpty()) {
                out.println(all ? "No approval requests." : "No pending approval requests.");
            } else {
                requests.forEach(r -> out.println(TerminalText.safe(summary(r))));
            }
            out.flush();
            return SchemaguardMain.OK;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "One request: what it would run, why it needs approval, who answered.")
    static final class Show implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Approvals approvals = approvals(common);
            ApprovalRequest r = approvals.show(id);
            String problem = approvals.integrity(r);
            PrintWriter out = spec.commandLine().getOut();
            if (problem != null && format != OutputFormat.json) {
                out.println(TerminalText.safe("ALTERED: this request cannot be trusted as stored: " + problem
                        + ". It cannot be answered or applied; run 'schemaguard audit verify'."));
            }
            out.print(format == OutputFormat.json ? Json.pretty(r) + "\n" : details(r));
            out.flush();
            return problem == null ? SchemaguardMain.OK : SchemaguardMain.TOOL_FAILURE;
        }
    }

    abstract static class Answer implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Recorded with your answer")
        String comment;

        @Spec
        CommandSpec spec;

        abstract ApprovalRequest answer(Approvals approvals, Identity me);

        @Override
        public Integer call() {
            SchemaguardConfig config = common.loadConfig();
            ApprovalRequest r;
            try {
                r = answer(Guard.approvals(config.guard(), Clock.systemUTC()), Identity.osUser());
            } catch (ToolException e) {
                if (e.getMessage().contains("approval page")) {
                    String base = config.server().publicUrl() != null
                            ? config.server().publicUrl()
                            : "http://localhost:" + config.server().port();
                    throw new ToolException(e.getMessage() + " Open " + base + "/approve/" + id + " in your browser.");
                }
                throw e;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(TerminalText.safe(summary(r)));
            if (r.status().equals("approved")) {
                out.println(
                        "Approved. The agent (or 'schemaguard apply') applies it by sending exactly the same SQL again before "
                                + r.expires() + ".");
            } else if (r.status().equals("pending")) {
                out.println(
                        "Your approval is recorded; still needed: " + r.needs().describe() + ".");
            }
            out.flush();
            return SchemaguardMain.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a request, as your OS user.")
    static final class Approve extends Answer {
        @Override
        ApprovalRequest answer(Approvals approvals, Identity me) {
            return approvals.approve(id, me, comment);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a request, as your OS user.")
    static final class Reject extends Answer {
        @Override
        ApprovalRequest answer(Approvals approvals, Identity me) {
            return approvals.reject(id, me, comment);
        }
    }
}
