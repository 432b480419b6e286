package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.policies.apply.ApplyMigration;
import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.server.http.approval.ApprovalLinks;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code apply_migration}: the only tool that changes an environment, and only as its policy allows. There is no tool
 * to approve: approvals come from people, through channels the agent does not drive.
 */
public final class ApplyMigrationTool extends ToolAdapter {

    private final ApplyMigration apply;
    private final Approvals approvals;
    private final ApprovalLinks links;
    private final Identity requester;

    public ApplyMigrationTool(ApplyMigration apply, Approvals approvals, ApprovalLinks links, Identity requester) {
        this.apply = apply;
        this.approvals = approvals;
        this.links = links;
        this.requester = requester;
    }

    @Override
    protected String name() {
        return "apply_migration";
    }

    @Override
    protected String title() {
        return "Apply a migration, as the policy allows";
    }

    @Override
    protected String description() {
        return "Applies `sql` to `environment` if its policy allows it. The policy decides per statement: allowed → applied "
                + "(one transaction where PostgreSQL allows it, the policy's lock and statement timeouts, never twice); needs "
                + "approval → an approval request bound to this exact SQL, this environment's database and an expiry is made "
                + "(after a check_migration run when the policy asks for evidence) and its id returned with how a human "
                + "approves it — you cannot approve it yourself; call again with exactly the same SQL once approved; "
                + "forbidden → refused, naming the rule. Transaction control, SET ROLE, timeout changes, COPY to programs or "
                + "files and psql meta-commands are always refused. Every decision is written to the audit log. Run "
                + "check_migration first.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return McpSchema.ToolAnnotations.builder()
                .title(title())
                .readOnlyHint(false)
                .destructiveHint(true)
                .idempotentHint(false)
                .openWorldHint(false)
                .build();
    }

    @Override
    protected Answer call(ToolArguments args) {
        String environment = args.requiredString("environment");
        String sql = args.requiredString("sql");
        Identity requester = requester(args);
        ApplyMigration.Result result = apply.apply(environment, sql, requester);
        if (result.status().equals("pending-approval")
                && result.approval().needs().formElicitation()
                && args.elicitation().isPresent()) {
            result = askInTheClient(result, args.elicitation().get(), environment, sql, requester);
        } else if (result.status().equals("pending-approval")
                && links.baseUrl() != null
                && args.urlElicitation().isPresent()) {
            String page = links.baseUrl() + "/approve/" + result.approval().id();
            boolean opened = args.urlElicitation()
                    .get()
                    .open(
                            "schemaguard: a migration on '" + environment + "' waits for approval. "
                                    + "Review it and answer with your passkey on the approval page.",
                            page,
                            result.approval().id());
            result = new ApplyMigration.Result(
                    result.status(),
                    result.environment(),
                    result.sqlSha256(),
                    result.message() + (opened ? " The person at the client was sent to the approval page." : ""),
                    result.policy(),
                    result.approval(),
                    null,
                    result.evidence());
        }
        return new Answer(result, result.toText());
    }

    /**
     * Where the policy allows it, the person at the client answers the request in the client's own UI. They are taken
     * to be the requester (the client cannot tell who sits at it), so this only ever approves where the policy allows
     * self-approval — and the starter policy never allows form approval on production.
     */
    private ApplyMigration.Result askInTheClient(
            ApplyMigration.Result pending,
            FormElicitation elicitation,
            String environment,
            String sql,
            Identity requester) {
        ApprovalRequest request = pending.approval();
        String message = "schemaguard: approve this migration on '" + environment + "'?\n\n" + sql
                + "\n\nWhy approval is needed: " + String.join("; ", request.reasons()) + "\nRequest " + request.id()
                + ", expires " + request.expires() + ".";
        Map<String, Object> schema = Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "decision", Map.of("type", "string", "title", "Decision", "enum", List.of("approve", "reject")),
                        "comment", Map.of("type", "string", "title", "Comment (recorded in the audit log)")),
                "required",
                List.of("decision"));
        Optional<Map<String, Object>> answer = elicitation.ask(message, schema);
        if (answer.isEmpty()) {
            return pending;
        }
        Identity person = new Identity(requester.name(), requester.groups(), "form-elicitation");
        String comment = answer.get().get("comment") instanceof String c ? c : null;
        if ("approve".equals(answer.get().get("decision"))) {
            approvals.approve(request.id(), person, comment);
            return apply.apply(environment, sql, requester);
        }
        approvals.reject(request.id(), person, comment);
        return new ApplyMigration.Result(
                "rejected",
                environment,
                pending.sqlSha256(),
                "the person at the client rejected request " + request.id() + (comment == null ? "" : ": " + comment),
                pending.policy(),
                approvals.show(request.id()),
                null,
                null);
    }

    /** The token's user over authenticated HTTP, else the OS user this server runs as. */
    private Identity requester(ToolArguments args) {
        return args.caller() != null ? new Identity(args.caller(), java.util.Set.of(), "token") : requester;
    }
}
