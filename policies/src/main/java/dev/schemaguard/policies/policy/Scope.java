package dev.schemaguard.policies.policy;

import dev.schemaguard.policies.classify.ChangeClass;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.text.Glob;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One block of a policy file: the environments it covers and what it says about them. Every setting is optional;
 * where several blocks (or files) cover an environment, the strictest value of each wins.
 *
 * @param where        file:line of the block, for explanations
 * @param names        environment name globs ({@code prod*}); empty: any name
 * @param protections  protection levels covered; empty: any
 * @param otherwise    decision for statements no class rule or condition decides (null: allow)
 */
public record Scope(
        String where,
        List<String> names,
        Set<dev.schemaguard.tools.config.Protection> protections,
        Decision otherwise,
        Map<ChangeClass, ClassRule> changes,
        List<ConditionRule> rules,
        ApprovalSettings approval,
        Set<Evidence> evidence,
        Duration lockTimeout,
        Duration statementTimeout,
        Long maxDmlRows,
        List<Window> windows,
        List<Freeze> freezes,
        List<SensitiveTables> sensitiveTables,
        Boolean backupBeforeDestructive,
        Decision runQuery) {

    public boolean covers(String environment, Protection protection) {
        boolean nameMatches = names.isEmpty() || names.stream().anyMatch(g -> Glob.matches(g, environment));
        boolean protectionMatches = protections.isEmpty() || protections.contains(protection);
        return nameMatches && protectionMatches;
    }

    /**
     * A class rule: statements of the class get {@code decision}; for locking only from {@code lockAtLeast} up, for
     * rewrite only on tables above {@code aboveRows} rows or {@code aboveBytes} bytes (when the size is unknown, the
     * rule applies: a guard does not assume a table is small).
     */
    public record ClassRule(String where, Decision decision, LockMode lockAtLeast, long aboveRows, long aboveBytes) {}

    /** A rule whose condition is a CEL expression over {@code statement}, {@code environment} and {@code migration}. */
    public record ConditionRule(
            String where, String id, Condition condition, Decision decision, String reason, List<String> roles) {}

    /**
     * Who approves: {@code count} distinct people, each in one of {@code roles} (empty: anyone but, unless allowed,
     * the requester); {@code formElicitation}: whether approving inside the agent's client is good enough;
     * {@code passkey}: approvals only on the server's approval page with a passkey (WebAuthn, user verification) —
     * the default on production.
     */
    public record ApprovalSettings(
            List<String> roles,
            Integer count,
            Boolean selfApproval,
            Duration expires,
            Boolean formElicitation,
            Boolean passkey) {}

    /** A weekly time window during which the classes in {@code deny} are forbidden. */
    public record Window(
            String where,
            String label,
            Set<ChangeClass> deny,
            Set<DayOfWeek> days,
            LocalTime from,
            LocalTime to,
            ZoneId zone) {}

    /** A freeze: from the start of {@code from} to the end of {@code to}, in {@code zone}, the classes in {@code deny} are forbidden. */
    public record Freeze(
            String where, String label, Set<ChangeClass> deny, LocalDate from, LocalDate to, ZoneId zone) {}

    /** Tables (globs on schema.table) whose changes also need an approver holding {@code role}. */
    public record SensitiveTables(String where, List<String> tables, String role) {}
}
