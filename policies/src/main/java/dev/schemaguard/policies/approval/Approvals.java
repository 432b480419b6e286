package dev.schemaguard.policies.approval;

import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicyVerdict;
import dev.schemaguard.tools.ToolException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Approval requests and the humans' answers to them. Nothing here is reachable from an MCP tool except
 * {@link #request} and {@link #approvedFor}: approving and rejecting are for channels the agent does not control
 * (the CLI under the approver's own account, and later the approval page). Every step, refusals included, is audited.
 */
public final class Approvals {

    private final ApprovalStore store;
    private final AuditLog audit;
    private final Clock clock;

    public Approvals(ApprovalStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The pending request for this exact migration on this environment, or a new one. An earlier request for the
     * same SQL that expired or was rejected does not carry over.
     */
    public ApprovalRequest request(
            ExplainPolicy.Review review,
            Identity requester,
            String evidenceReportId,
            List<String> evidence,
            String evidenceDetail,
            String rollbackSql) {
        return request(review, requester, evidenceReportId, null, evidence, evidenceDetail, rollbackSql);
    }

    /** @param schemaFingerprint the target's catalog fingerprint the evidence was taken on (the approval holds only while it does) */
    public ApprovalRequest request(
            ExplainPolicy.Review review,
            Identity requester,
            String evidenceReportId,
            String schemaFingerprint,
            List<String> evidence,
            String evidenceDetail,
            String rollbackSql) {
        Instant now = clock.instant();
        PolicyVerdict verdict = review.verdict();
        String id = ApprovalIds.next();
        Instant expires = now.plus(verdict.approval().expires());
        List<String> reasons = verdict.reasons().stream()
                .filter(r -> r.decision() == verdict.decision())
                .map(r -> (r.statement() == null ? "" : "statement " + (r.statement() + 1) + ": ") + r.why() + " ["
                        + r.rule() + "]")
                .toList();
        String binding = binding(
                id,
                review.environmentKey(),
                review.sha256(),
                evidenceReportId,
                schemaFingerprint,
                expires,
                verdict.approval(),
                evidenceDetail + "\n" + rollbackSql);
        ApprovalRequest request = new ApprovalRequest(
                id,
                review.environment(),
                review.environmentKey(),
                review.sha256(),
                review.sql(),
                requester.name(),
                now,
                expires,
                verdict.approval(),
                evidenceReportId,
                schemaFingerprint,
                evidence,
                evidenceDetail,
                rollbackSql,
                reasons,
                binding,
                "pending",
                List.of(),
                null,
                ApprovalRequest.sealOf(binding, "pending", List.of(), null));
        // one step in the store: two replicas asked at once for the same migration make (and audit) one request
        return store.createUnlessReused(
                request,
                existing -> existing.stream()
                        .filter(r -> r.status().equals("pending")
                                && !r.expiredAt(now)
                                && java.util.Objects.equals(r.schemaFingerprint(), schemaFingerprint)
                                && integrity(r) == null)
                        .findFirst(),
                created -> audit.append(
                        "approval.requested",
                        requester.toString(),
                        fields(created, Map.of("needs", verdict.approval().describe()))));
    }

    /**
     * The approved, unexpired request bound to exactly this SQL on this environment (by its key), if there is one — and
     * only if it is intact: its binding and seal match its content, and the audit log recorded its approval with that seal.
     */
    public Optional<ApprovalRequest> approvedFor(String environmentKey, String sqlSha256) {
        Instant now = clock.instant();
        return store.forMigration(environmentKey, sqlSha256).stream()
                .filter(r -> r.status().equals("approved")
                        && r.environmentKey().equals(environmentKey)
                        && r.sqlSha256().equals(sqlSha256))
                .filter(r -> !r.expiredAt(now))
                .filter(r -> {
                    String problem = integrity(r);
                    if (problem != null) {
                        audit.append("approval.altered", "schemaguard", Map.of("request", r.id(), "why", problem));
                    }
                    return problem == null;
                })
                .findFirst();
    }

    /**
     * Why the request cannot be trusted as stored — its SQL, binding or seal do not match its content, or the audit log
     * does not record the state it claims — or null when it is intact.
     */
    public String integrity(ApprovalRequest r) {
        if (!ExplainPolicy.sha256(r.sql()).equals(r.sqlSha256())
                || !r.binding()
                        .equals(binding(
                                r.id(),
                                r.environmentKey(),
                                r.sqlSha256(),
                                r.evidenceReportId(),
                                r.schemaFingerprint(),
                                r.expires(),
                                r.needs(),
                                r.evidenceDetail() + "\n" + r.rollbackSql()))) {
            return "its binding does not match its SQL, environment, evidence, expiry or who may approve it";
        }
        if (!r.sealed()) {
            return "its status, votes or history do not match its seal (the request was edited where it is stored)";
        }
        String recorded = lastRecordedSeal(r.id());
        if (!r.seal().equals(recorded)) {
            return recorded == null
                    ? "the audit log records no state of it"
                    : "the audit log records another state of it (" + r.status()
                            + " is not what the approvers' answers left)";
        }
        return null;
    }

    /** Requests whose stored state cannot be trusted, each with why: for {@code schemaguard audit verify}. */
    public List<String> integrityProblems() {
        return store.list().stream()
                .map(r -> {
                    String problem = integrity(r);
                    return problem == null ? null : "approval request " + r.id() + " (" + r.status() + "): " + problem;
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private String lastRecordedSeal(String id) {
        String needle = "\"request\":\"" + id + "\"";
        List<String> lines = audit.export();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.contains(needle) && line.contains("\"seal\":\"")) {
                int at = line.indexOf("\"seal\":\"") + 8;
                return line.substring(at, line.indexOf('"', at));
            }
        }
        return null;
    }

    public List<ApprovalRequest> list(boolean includeClosed) {
        Instant now = clock.instant();
        return store.list().stream()
                .filter(r -> includeClosed || (r.status().equals("pending") && !r.expiredAt(now)))
                .toList();
    }

    public ApprovalRequest show(String id) {
        return store.get(id)
                .orElseThrow(() -> new ToolException("No approval request '" + id + "'. "
                        + "Run 'schemaguard approvals list' to see the pending ones."));
    }

    public ApprovalRequest approve(String id, Identity who, String comment) {
        return decide(id, who, comment, true);
    }

    public ApprovalRequest reject(String id, Identity who, String comment) {
        return decide(id, who, comment, false);
    }

    private ApprovalRequest decide(String id, Identity who, String comment, boolean approve) {
        String action = approve ? "approve" : "reject";
        try {
            // the new state is recorded in the audit log under the store's lock, before it is stored: the next answer,
            // on this replica or another, finds the log and the store agreeing
            return store.update(id, current -> {
                check(current, who, action);
                List<String> roles = current.needs().members().entrySet().stream()
                        .filter(e -> who.isMember(e.getValue()))
                        .map(Map.Entry::getKey)
                        .toList();
                ApprovalRequest.Vote vote = new ApprovalRequest.Vote(
                        who.name(), who.via(), roles, approve ? "approved" : "rejected", clock.instant(), comment);
                ApprovalRequest result;
                if (!approve) {
                    result = current.withVote(vote, "rejected");
                } else {
                    ApprovalRequest voted = current.withVote(vote, "pending");
                    result = satisfied(voted) ? voted.withStatus("approved") : voted;
                }
                audit.append(
                        approve ? "approval.approved" : "approval.rejected",
                        who.toString(),
                        fields(result, comment == null ? Map.of() : Map.of("comment", comment)));
                return result;
            });
        } catch (ToolException e) {
            audit.append(
                    "approval.refused", who.toString(), Map.of("request", id, "action", action, "why", e.getMessage()));
            throw e;
        }
    }

    private void check(ApprovalRequest r, Identity who, String action) {
        Instant now = clock.instant();
        if (!r.status().equals("pending")) {
            throw new ToolException("Request " + r.id() + " is " + r.status() + " already; nothing to " + action + ".");
        }
        if (r.expiredAt(now)) {
            throw new ToolException(
                    "Request " + r.id() + " expired at " + r.expires() + "; the agent has to ask again.");
        }
        String problem = integrity(r);
        if (problem != null) {
            throw new ToolException("Request " + r.id() + " was altered after it was made (" + problem
                    + "); it cannot be answered. " + "Run 'schemaguard audit verify'; the agent has to ask again.");
        }
        if (r.needs().passkey() && !Identity.PASSKEY.equals(who.via())) {
            throw new ToolException(
                    "The policy for '" + r.environment() + "' accepts answers to " + r.id() + " only on the "
                            + "schemaguard server's approval page, with a passkey (proof that a registered approver is present): open "
                            + "/approve/" + r.id() + " on the server's HTTP address.");
        }
        if (who.name().equals(r.requester()) && !r.needs().selfApproval()) {
            throw new ToolException(
                    who.name() + " requested " + r.id() + " and cannot approve or reject it: the policy for '"
                            + r.environment() + "' asks for someone else.");
        }
        if (!qualifies(r.needs(), who)) {
            throw new ToolException(who.name() + " holds none of the roles that may decide on " + r.id() + " ("
                    + roleNames(r.needs()) + ").");
        }
        if (r.votes().stream().anyMatch(v -> v.who().equals(who.name()))) {
            throw new ToolException(who.name() + " has already answered " + r.id() + "; approvals must come from "
                    + r.needs().count() + " different people.");
        }
    }

    private static boolean qualifies(PolicyVerdict.ApprovalNeeds needs, Identity who) {
        if (needs.roleGroups().isEmpty()) {
            return true;
        }
        return needs.roleGroups().stream()
                .flatMap(List::stream)
                .distinct()
                .anyMatch(role -> who.isMember(needs.members().getOrDefault(role, List.of())));
    }

    private static String roleNames(PolicyVerdict.ApprovalNeeds needs) {
        return needs.roleGroups().stream().flatMap(List::stream).distinct().collect(Collectors.joining(", "));
    }

    /** Enough distinct approvers, and every role group covered by at least one of them. */
    private static boolean satisfied(ApprovalRequest r) {
        List<ApprovalRequest.Vote> approvals =
                r.votes().stream().filter(v -> v.decision().equals("approved")).toList();
        if (approvals.stream().map(ApprovalRequest.Vote::who).distinct().count()
                < r.needs().count()) {
            return false;
        }
        return r.needs().roleGroups().stream()
                .allMatch(group ->
                        approvals.stream().anyMatch(v -> v.roles().stream().anyMatch(group::contains)));
    }

    public void markApplied(String id, String historyId, boolean succeeded) {
        store.update(id, r -> {
            ApprovalRequest closed = r.applied(historyId, succeeded ? "applied" : "failed");
            audit.append("approval.closed", "schemaguard", fields(closed, Map.of("history", historyId)));
            return closed;
        });
    }

    /** What an approval signs off; the approval needs are in it, so who may approve cannot be edited afterwards either. */
    static String binding(
            String id,
            String environmentKey,
            String sqlSha256,
            String evidenceReportId,
            String schemaFingerprint,
            Instant expires,
            PolicyVerdict.ApprovalNeeds needs,
            String evidenceDetail) {
        return ExplainPolicy.sha256(String.join(
                "\n",
                id,
                environmentKey,
                sqlSha256,
                String.valueOf(evidenceReportId),
                String.valueOf(schemaFingerprint),
                expires.toString(),
                ExplainPolicy.sha256(String.valueOf(evidenceDetail)),
                needs.count() + " " + needs.roleGroups() + " " + new java.util.TreeMap<>(needs.members()) + " "
                        + needs.selfApproval() + " " + needs.expires() + " " + needs.formElicitation() + " "
                        + needs.passkey()));
    }

    private static Map<String, Object> fields(ApprovalRequest r, Map<String, ?> extra) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("request", r.id());
        f.put("environment", r.environment());
        f.put("sql_sha256", r.sqlSha256());
        f.put("status", r.status());
        f.put("binding", r.binding());
        f.put("seal", r.seal());
        f.putAll(extra);
        return f;
    }
}
