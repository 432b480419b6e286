package dev.schemaguard.policies.approval;

import dev.schemaguard.policies.policy.PolicyVerdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request for a human to approve one exact migration on one environment. The {@code binding} (SHA-256 over the
 * id, environment key (name, URL and user), SQL hash, evidence report, the schema's fingerprint when it was checked,
 * and expiry) is what an approval signs off: a change to any of them is a different request. The {@code seal} covers
 * what changes afterwards — status, votes, history — and each change's seal is written to the audit log too, so a
 * request edited in its file or table is told from one the approvers answered.
 *
 * @param evidenceDetail the check_migration report (lint, dry run, rollback, schema diff) as text, for the approver
 * @param rollbackSql    the rollback that report verified (offered if a migration that cannot run in one transaction
 *                       fails half-way), or null
 * @param schemaFingerprint the target's catalog fingerprint when the request was made: an approval holds only while
 *                          the schema is still that one
 * @param status pending, approved, rejected, applied or failed
 * @param seal   SHA-256 over the binding, status, votes and history id
 */
public record ApprovalRequest(
        String id,
        String environment,
        String environmentKey,
        String sqlSha256,
        String sql,
        String requester,
        Instant created,
        Instant expires,
        PolicyVerdict.ApprovalNeeds needs,
        String evidenceReportId,
        String schemaFingerprint,
        List<String> evidence,
        String evidenceDetail,
        String rollbackSql,
        List<String> reasons,
        String binding,
        String status,
        List<Vote> votes,
        String historyId,
        String seal) {

    /** @param roles the roles the person held when they answered */
    public record Vote(String who, String via, List<String> roles, String decision, Instant at, String comment) {}

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    ApprovalRequest withStatus(String newStatus) {
        return with(newStatus, votes, historyId);
    }

    ApprovalRequest withVote(Vote vote, String newStatus) {
        List<Vote> all = new ArrayList<>(votes);
        all.add(vote);
        return with(newStatus, List.copyOf(all), historyId);
    }

    ApprovalRequest applied(String history, String outcome) {
        return with(outcome, votes, history);
    }

    /** The request with this state, sealed anew. */
    ApprovalRequest with(String newStatus, List<Vote> newVotes, String history) {
        return new ApprovalRequest(
                id,
                environment,
                environmentKey,
                sqlSha256,
                sql,
                requester,
                created,
                expires,
                needs,
                evidenceReportId,
                schemaFingerprint,
                evidence,
                evidenceDetail,
                rollbackSql,
                reasons,
                binding,
                newStatus,
                newVotes,
                history,
                sealOf(binding, newStatus, newVotes, history));
    }

    /** Whether the seal is that of the request's own state. */
    public boolean sealed() {
        return seal != null && seal.equals(sealOf(binding, status, votes, historyId));
    }

    public static String sealOf(String binding, String status, List<Vote> votes, String historyId) {
        StringBuilder text = new StringBuilder(binding)
                .append('\n')
                .append(status)
                .append('\n')
                .append(historyId);
        for (Vote v : votes) {
            text.append('\n')
                    .append(String.join(
                            "\u0001",
                            v.who(),
                            v.via(),
                            String.join(",", v.roles()),
                            v.decision(),
                            v.at().toString(),
                            String.valueOf(v.comment())));
        }
        return dev.schemaguard.policies.policy.ExplainPolicy.sha256(text.toString());
    }
}
