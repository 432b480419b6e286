package dev.schemaguard.policies;

import dev.schemaguard.policies.apply.ApplyMigration;
import dev.schemaguard.policies.apply.MigrationExecutor;
import dev.schemaguard.policies.approval.ApprovalStore;
import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.FileApprovalStore;
import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.policies.audit.FileAuditLog;
import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.policies.store.GuardDatabase;
import dev.schemaguard.policies.store.PostgresApprovalStore;
import dev.schemaguard.policies.store.PostgresAuditLog;
import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.tools.config.GuardSettings;
import dev.schemaguard.tools.config.SchemaguardConfig;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.input.MigrationSources;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The guarded apply, assembled from the configuration once: the policies (read now, so an unreadable or invalid
 * policy stops the server or command before it does anything), the approval store and the audit log in the state
 * directory. The MCP server and the CLI both build it here.
 */
public final class Guard {

    private final Environments environments;
    private final SchemaguardConfig config;
    private final PolicySet policies;
    private final Path stateDir;
    private final Clock clock;
    private final AuditLog audit;
    private final Approvals approvals;

    public Guard(SchemaguardConfig config, Environments environments, Clock clock) {
        this.config = config;
        this.environments = environments;
        this.clock = clock;
        this.policies = PolicySet.load(config.guard());
        this.stateDir = config.guard().resolvedStateDir();
        this.audit = audit(config.guard(), clock);
        this.approvals = new Approvals(store(config.guard()), audit, clock);
    }

    /** The approvals alone (approving needs no policy or environment: a request carries what it needs). */
    public static Approvals approvals(GuardSettings settings, Clock clock) {
        return new Approvals(store(settings), audit(settings, clock), clock);
    }

    /** In guard.store's database when one is configured (for server replicas), else a file in the state directory. */
    public static AuditLog audit(GuardSettings settings, Clock clock) {
        return settings.store() != null
                ? new PostgresAuditLog(new GuardDatabase(settings.store(), System.getenv()), clock)
                : new FileAuditLog(settings.resolvedStateDir(), clock);
    }

    private static ApprovalStore store(GuardSettings settings) {
        return settings.store() != null
                ? new PostgresApprovalStore(new GuardDatabase(settings.store(), System.getenv()))
                : new FileApprovalStore(settings.resolvedStateDir());
    }

    public PolicySet policies() {
        return policies;
    }

    public Path stateDir() {
        return stateDir;
    }

    public AuditLog audit() {
        return audit;
    }

    public Approvals approvals() {
        return approvals;
    }

    public ExplainPolicy explain() {
        return new ExplainPolicy(environments, config.lint(), policies, clock);
    }

    public dev.schemaguard.policies.query.RunQuery runQuery() {
        return new dev.schemaguard.policies.query.RunQuery(environments, policies, audit);
    }

    /**
     * @param sandboxes   for the check_migration evidence a policy may ask for (only opened when it does)
     * @param howToApprove how a human approves a request (a command, or the approval page's URL)
     */
    public ApplyMigration apply(
            Supplier<? extends SandboxProvider> sandboxes,
            java.util.function.Function<dev.schemaguard.policies.approval.ApprovalRequest, String> howToApprove) {
        return new ApplyMigration(
                explain(),
                approvals,
                new MigrationExecutor(environments),
                audit,
                (env, sql) -> new CheckMigration(
                                environments, config.lint(), sandboxes.get(), config.codeRoots(), config.codeServices())
                        .check(env, MigrationSources.of(sql, null, MigrationExecutor.runsInOneTransaction(sql))),
                howToApprove);
    }
}
