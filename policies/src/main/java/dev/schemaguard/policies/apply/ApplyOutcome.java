package dev.schemaguard.policies.apply;

import java.util.List;

/**
 * What happened when a migration was applied.
 *
 * @param historyId     the row written to schemaguard.schemaguard_history
 * @param outcome       applied, or failed (then nothing stays applied when {@code transactional}; otherwise
 *                      {@code statementsApplied} statements did)
 * @param backups       tables copied to schemaguard_backup before destructive statements
 */
public record ApplyOutcome(
        String historyId,
        String outcome,
        boolean transactional,
        int statements,
        int statementsApplied,
        long millis,
        String error,
        Integer failedStatement,
        List<String> backups) {}
