package dev.schemaguard.policies.apply;

import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.policies.classify.EffectClasses;
import dev.schemaguard.policies.policy.Decision;
import dev.schemaguard.policies.policy.Evidence;
import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicyVerdict;
import dev.schemaguard.sandbox.check.CheckReport;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.tools.Cancellation;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.lint.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The {@code apply_migration} use case. The policy decides: forbidden → refused, naming the rule; allowed → applied;
 * needs approval → an approval request bound to the SHA-256 of the exact SQL, the environment, the evidence and an
 * expiry is made (once the evidence the policy asks for is there), and calling again with the same SQL after a human
 * approved it applies it. Any change to the SQL or the environment is a different migration with no approval. Every
 * decision is audited before it takes effect.
 */
public final class ApplyMigration {

    private final ExplainPolicy explain;
    private final Approvals approvals;
    private final MigrationExecutor executor;
    private final AuditLog audit;
    private final BiFunction<String, String, CheckReport> check;
    private final java.util.function.Function<ApprovalRequest, String> howToApprove;

    /**
     * @param check       runs check_migration (environment, sql) for the evidence a policy asks for
     * @param howToApprove how a human approves a request, shown to the agent (a command, or the approval page's URL)
     */
    public ApplyMigration(
            ExplainPolicy explain,
            Approvals approvals,
            MigrationExecutor executor,
            AuditLog audit,
            BiFunction<String, String, CheckReport> check,
            java.util.function.Function<ApprovalRequest, String> howToApprove) {
        this.explain = explain;
        this.approvals = approvals;
        this.executor = executor;
        this.audit = audit;
        this.check = check;
        this.howToApprove = howToApprove;
    }

    /**
     * @param status applied, failed, pending-approval, forbidden or evidence-missing
     */
    public record Result(
            String status,
            String environment,
            String sqlSha256,
            String message,
            PolicyVerdict policy,
            ApprovalRequest approval,
            ApplyOutcome apply,
            CheckReport evidence) {

        public String toText() {
            StringBuilder out = new StringBuilder(status.toUpperCase(java.util.Locale.ROOT) + ": " + message + "\n");
            if (apply != null && apply.backups() != null && !apply.backups().isEmpty()) {
                out.append("backups:\n");
                apply.backups().forEach(b -> out.append("  ").append(b).append('\n'));
            }
            out.append('\n').append(policy.toText());
            return out.toString();
        }
    }

    public Result apply(String environment, String sql, Identity requester) {
        ExplainPolicy.Review review = explain.review(environment, sql, "migration.sql");
        executor.refuseIfApplied(environment, review.sha256());
        CheckReport observed = null;
        if (review.verdict().decision() != Decision.FORBID && explain.observesEffects(environment)) {
            // PostgreSQL, not the text, says what each statement does: run on the copy first, classes from what it did
            String why = null;
            try {
                observed = check.apply(environment, sql);
            } catch (Cancellation.Cancelled e) {
                throw e;
            } catch (RuntimeException e) {
                why = "the check could not run (" + e.getMessage() + ")";
            }
            DryRunReport dryRun = observed == null ? null : observed.dryRun();
            if (dryRun == null && why == null) {
                why = observed == null ? "no sandbox copy could be made" : "check_migration made no dry run";
            }
            review = explain.withStatements(review, EffectClasses.apply(review.statements(), dryRun, why));
        }
        PolicyVerdict verdict = review.verdict();
        Map<String, Object> decided = new LinkedHashMap<>();
        decided.put("environment", environment);
        decided.put("sql_sha256", review.sha256());
        decided.put("decision", verdict.decision().id());
        decided.put("policies", verdict.policies());
        decided.put(
                "reasons",
                verdict.reasons().stream()
                        .map(r -> r.decision().id() + " " + r.rule() + ": " + r.why())
                        .toList());
        audit.append("policy.decision", requester.toString(), decided);

        if (verdict.decision() == Decision.FORBID) {
            String rules = String.join(
                    "; ",
                    verdict.reasons().stream()
                            .filter(r -> r.decision() == Decision.FORBID)
                            .map(r -> (r.statement() == null ? "" : "statement " + (r.statement() + 1) + ": ") + r.why()
                                    + " [" + r.rule() + "]")
                            .toList());
            return new Result(
                    "forbidden",
                    environment,
                    review.sha256(),
                    "the policy forbids this migration on '" + environment + "': " + rules,
                    verdict,
                    null,
                    null,
                    null);
        }
        if (verdict.decision() == Decision.ALLOW) {
            return execute(review, requester, null);
        }
        String fingerprint = executor.schemaFingerprint(environment);
        Optional<ApprovalRequest> approved = approvals.approvedFor(review.environmentKey(), review.sha256());
        if (approved.isPresent() && fingerprint.equals(approved.get().schemaFingerprint())) {
            return execute(review, requester, approved.get());
        }
        if (approved.isPresent()) {
            // the schema changed since the check the approvers saw: what they approved is not what would run
            audit.append(
                    "approval.stale",
                    requester.toString(),
                    Map.of(
                            "request",
                            approved.get().id(),
                            "environment",
                            environment,
                            "why",
                            "the schema changed since the request's check"));
        }
        // The approver sees the check's findings (lint, dry run, rollback, schema diff) whether or not the policy
        // demands
        // them as evidence; only a demanded check that fails stops the request.
        CheckReport report = observed;
        List<String> shown = new ArrayList<>();
        try {
            if (report == null) {
                report = check.apply(environment, sql);
            }
        } catch (Cancellation.Cancelled e) {
            throw e;
        } catch (RuntimeException e) {
            if (!verdict.evidence().isEmpty()) {
                throw e;
            }
        }
        if (!verdict.evidence().isEmpty()) {
            if (report == null) {
                throw new ToolException("The policy asks for check_migration evidence, but no check could be run.");
            }
            List<String> missing = missingEvidence(verdict, report, shown);
            if (!missing.isEmpty()) {
                audit.append(
                        "approval.evidence-missing",
                        requester.toString(),
                        Map.of(
                                "environment",
                                environment,
                                "sql_sha256",
                                review.sha256(),
                                "report",
                                report.reportId(),
                                "missing",
                                missing));
                return new Result(
                        "evidence-missing",
                        environment,
                        review.sha256(),
                        "an approval can only be asked for once "
                                + "check_migration shows "
                                + String.join(
                                        ", ",
                                        verdict.evidence().stream()
                                                .map(Evidence::id)
                                                .toList())
                                + "; missing: " + String.join("; ", missing) + " (report " + report.reportId() + ")",
                        verdict,
                        null,
                        null,
                        report);
            }
        }
        ApprovalRequest request = approvals.request(
                review,
                requester,
                report == null ? null : report.reportId(),
                fingerprint,
                shown,
                report == null ? null : report.toText(),
                report == null
                                || report.rollback() == null
                                || !report.rollback().verdict().startsWith("verified")
                        ? null
                        : report.rollback().rollbackSql());
        return new Result(
                "pending-approval",
                environment,
                review.sha256(),
                "waiting for " + request.needs().describe()
                        + ". Request " + request.id() + ", expires " + request.expires()
                        + ". A human approves it outside this "
                        + "conversation: " + howToApprove.apply(request)
                        + ". Then call apply_migration again with exactly "
                        + "the same SQL; any change to it needs a new approval.",
                verdict,
                request,
                null,
                report);
    }

    private static List<String> missingEvidence(PolicyVerdict verdict, CheckReport report, List<String> shown) {
        List<String> missing = new ArrayList<>();
        for (Evidence e : verdict.evidence()) {
            boolean ok = switch (e) {
                case LINT_CLEAN -> !report.lint().hasAtLeast(Severity.ERROR);
                case DRY_RUN_PASSED -> report.dryRun().verdict().equals("ok");
                case ROLLBACK_VERIFIED -> report.rollback().verdict().startsWith("verified");
                case NO_DRIFT ->
                    report.provenOn() != null && report.provenOn().differences().isEmpty();
            };
            String what = switch (e) {
                case LINT_CLEAN -> "lint has errors";
                case DRY_RUN_PASSED -> "the dry run " + report.dryRun().verdict();
                case ROLLBACK_VERIFIED -> "the rollback is " + report.rollback().verdict();
                case NO_DRIFT ->
                    report.provenOn() == null
                            ? "no proven-on environment is configured for " + report.environment()
                            : "it has drifted from " + report.provenOn().provenOn() + " in "
                                    + report.provenOn().differences().size() + " object(s) the migration touches";
            };
            if (ok) {
                shown.add(e.id());
            } else {
                missing.add(e.id() + " (" + what + ")");
            }
        }
        return missing;
    }

    private Result execute(ExplainPolicy.Review review, Identity requester, ApprovalRequest approval) {
        PolicyVerdict v = review.verdict();
        List<String> approvers = approval == null
                ? List.of()
                : approval.votes().stream()
                        .filter(vote -> vote.decision().equals("approved"))
                        .map(ApprovalRequest.Vote::who)
                        .toList();
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("environment", review.environment());
        started.put("sql_sha256", review.sha256());
        started.put("approval", approval == null ? "not needed" : approval.id());
        started.put("approvers", approvers);
        // the last moment a caller who went away stops the apply; once it has started, it finishes
        Cancellation.current().throwIfCancelled();
        audit.append("apply.started", requester.toString(), started);
        ApplyOutcome outcome;
        try {
            outcome = executor.apply(new MigrationExecutor.Plan(
                    review.environment(),
                    review.sql(),
                    review.sha256(),
                    review.statements(),
                    v.lockTimeout(),
                    v.statementTimeout(),
                    v.maxDmlRows(),
                    v.backupBeforeDestructive(),
                    requester.name(),
                    approvers,
                    approval == null ? null : approval.id()));
        } catch (ToolException e) {
            audit.append(
                    "apply.refused",
                    requester.toString(),
                    Map.of("environment", review.environment(), "sql_sha256", review.sha256(), "why", e.getMessage()));
            throw e;
        }
        Map<String, Object> finished = new LinkedHashMap<>(started);
        finished.put("history", outcome.historyId());
        finished.put("outcome", outcome.outcome());
        finished.put("millis", outcome.millis());
        if (outcome.error() != null) {
            finished.put("error", outcome.error());
        }
        audit.append("apply.finished", requester.toString(), finished);
        if (approval != null) {
            approvals.markApplied(
                    approval.id(), outcome.historyId(), outcome.outcome().equals("applied"));
        }
        String message = outcome.outcome().equals("applied")
                ? outcome.statements() + " statement(s) applied to '" + review.environment() + "' in "
                        + outcome.millis() + " ms"
                        + (outcome.transactional()
                                ? " in one transaction"
                                : ", each in its own transaction where PostgreSQL allows it")
                        + " (history " + outcome.historyId() + ")"
                : "statement " + (outcome.failedStatement() + 1) + " failed: " + outcome.error() + ". "
                        + (outcome.transactional()
                                ? "The transaction was rolled back: nothing was applied."
                                : outcome.statementsApplied()
                                        + " statement(s) before it stay applied (they could not run in one transaction). "
                                        + (approval != null && approval.rollbackSql() != null
                                                ? "The rollback verified before approval (check report "
                                                        + approval.evidenceReportId() + "):\n" + approval.rollbackSql()
                                                        + "\n"
                                                : "generate_rollback gives their verified way back."))
                        + " (history " + outcome.historyId() + ")";
        return new Result(
                outcome.outcome(), review.environment(), review.sha256(), message, v, approval, outcome, null);
    }
}
