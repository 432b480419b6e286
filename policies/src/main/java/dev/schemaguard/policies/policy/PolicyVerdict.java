package dev.schemaguard.policies.policy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the policies say about one migration for one environment.
 *
 * @param decision  the strictest decision over all statements
 * @param reasons   every rule that matched, per statement, strictest first within a statement
 * @param approval  who must approve, when the decision is approve
 * @param evidence  what a check_migration report must show before an approval can be asked for
 * @param maxDmlRows rows one DML statement may touch (null: no limit)
 * @param policies  the files that were read, in precedence order ("built-in starter policy" when none is configured)
 */
public record PolicyVerdict(
        String environment,
        Decision decision,
        List<Reason> reasons,
        ApprovalNeeds approval,
        Set<Evidence> evidence,
        Duration lockTimeout,
        Duration statementTimeout,
        Long maxDmlRows,
        boolean backupBeforeDestructive,
        List<String> policies) {

    /**
     * @param statement 0-based index, or null for the migration as a whole
     * @param rule      where the rule is written (file:line and key), or "guard" for what no policy can allow
     */
    public record Reason(Integer statement, int line, String kind, Decision decision, String rule, String why) {}

    /**
     * @param count      distinct approvers needed
     * @param roleGroups each group (a list of roles) needs at least one approver holding one of its roles; an
     *                   approver counts only if they hold a role named in some group (or anyone, when there are none)
     * @param members    role → members, as the policy files define them
     * @param passkey    approvals count only when given on the server's approval page with a passkey
     */
    public record ApprovalNeeds(
            int count,
            List<List<String>> roleGroups,
            Map<String, List<String>> members,
            boolean selfApproval,
            Duration expires,
            boolean formElicitation,
            boolean passkey) {

        public String describe() {
            StringBuilder out = new StringBuilder(count + (count == 1 ? " approval" : " distinct approvals"));
            if (!roleGroups.isEmpty()) {
                out.append(", including ");
                out.append(String.join(
                        " and ",
                        roleGroups.stream()
                                .map(g -> "one " + String.join(" or ", g))
                                .toList()));
            }
            out.append(selfApproval ? "; the requester may approve" : "; not by the requester");
            out.append("; expires after ")
                    .append(expires.toString().substring(2).toLowerCase(Locale.ROOT));
            if (passkey) {
                out.append("; only on the approval page, with a passkey");
            }
            return out.toString();
        }
    }

    public String toText() {
        StringBuilder out = new StringBuilder(
                "Policy decision for '" + environment + "': " + decision.id().toUpperCase(Locale.ROOT) + "\n");
        out.append("  policies: ").append(String.join(", ", policies)).append('\n');
        for (Reason r : reasons) {
            out.append("  ")
                    .append(r.decision().id().toUpperCase(Locale.ROOT))
                    .append("  ")
                    .append(
                            r.statement() == null
                                    ? "migration"
                                    : "statement " + (r.statement() + 1) + " (line " + r.line() + ", " + r.kind() + ")")
                    .append(": ")
                    .append(r.why())
                    .append("  [")
                    .append(r.rule())
                    .append("]\n");
        }
        if (reasons.isEmpty()) {
            out.append("  no rule matched: allowed\n");
        }
        if (decision == Decision.APPROVE) {
            out.append("  approval: ").append(approval.describe()).append('\n');
            if (!evidence.isEmpty()) {
                out.append("  evidence before approval: ")
                        .append(String.join(
                                ", ", evidence.stream().map(Evidence::id).toList()))
                        .append('\n');
            }
        }
        if (decision != Decision.FORBID) {
            out.append("  apply with lock_timeout ")
                    .append(pg(lockTimeout))
                    .append(", statement_timeout ")
                    .append(pg(statementTimeout));
            if (maxDmlRows != null) {
                out.append(", at most ").append(maxDmlRows).append(" rows per DML statement");
            }
            if (backupBeforeDestructive) {
                out.append(", backup before destructive statements");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String pg(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
