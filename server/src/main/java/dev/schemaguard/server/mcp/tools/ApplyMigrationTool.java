package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.policies.apply.ApplyMigration;
import dev.schemaguard.policies.approval.Identity;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code apply_migration}: the only tool that changes an environment, and only as its policy allows. There is no tool
 * to approve: approvals come from people, through channels the agent does not drive.
 */
public final class ApplyMigrationTool extends ToolAdapter {

    private final ApplyMigration apply;
    private final Identity requester;

    public ApplyMigrationTool(ApplyMigration apply, Identity requester) {
        this.apply = apply;
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
        return McpSchema.ToolAnnotations.builder().title(title()).readOnlyHint(false).destructiveHint(true)
                .idempotentHint(false).openWorldHint(false).build();
    }

    @Override
    protected Answer call(ToolArguments args) {
        ApplyMigration.Result result = apply.apply(args.requiredString("environment"), args.requiredString("sql"), requester);
        return new Answer(result, result.toText());
    }
}
