package dev.schemaguard.policies.approval;

import dev.schemaguard.policies.policy.PolicyVerdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request for a human to approve one exact migration on one environment. The {@code binding} (SHA-256 over the
 * id, environment key (name, URL and user), SQL hash, evidence report and expiry) is what an approval signs off: a change to any of them
 * is a different request.
 *
 * @param evidenceDetail the check_migration report (lint, dry run, rollback, schema diff) as text, for the approver
 * @param rollbackSql    the rollback that report verified (offered if a migration that cannot run in one transaction
 *                       fails half-way), or null
 * @param status pending, approved, rejected, applied or failed
 */
public record ApprovalRequest(String id, String environment, String environmentKey, String sqlSha256, String sql, String requester,
                              Instant created, Instant expires, PolicyVerdict.ApprovalNeeds needs, String evidenceReportId,
                              List<String> evidence, String evidenceDetail, String rollbackSql, List<String> reasons, String binding, String status,
                              List<Vote> votes, String historyId) {

    /** @param roles the roles the person held when they answered */
    public record Vote(String who, String via, List<String> roles, String decision, Instant at, String comment) {
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    ApprovalRequest withStatus(String newStatus) {
        return new ApprovalRequest(id, environment, environmentKey, sqlSha256, sql, requester, created, expires, needs, evidenceReportId,
                evidence, evidenceDetail, rollbackSql, reasons, binding, newStatus, votes, historyId);
    }

    ApprovalRequest withVote(Vote vote, String newStatus) {
        List<Vote> all = new ArrayList<>(votes);
        all.add(vote);
        return new ApprovalRequest(id, environment, environmentKey, sqlSha256, sql, requester, created, expires, needs, evidenceReportId,
                evidence, evidenceDetail, rollbackSql, reasons, binding, newStatus, List.copyOf(all), historyId);
    }

    ApprovalRequest applied(String history, String outcome) {
        return new ApprovalRequest(id, environment, environmentKey, sqlSha256, sql, requester, created, expires, needs, evidenceReportId,
                evidence, evidenceDetail, rollbackSql, reasons, binding, outcome, votes, history);
    }
}
