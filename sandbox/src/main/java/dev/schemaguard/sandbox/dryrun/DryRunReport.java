package dev.schemaguard.sandbox.dryrun;

import java.util.List;
import java.util.Locale;

/**
 * What a dry run saw.
 *
 * @param verdict            "ok" when every statement ran, "failed" at the first error (later statements did not run)
 * @param cloneDifferences   how the sandbox's schema differs from the target's before the migration (empty: faithful)
 * @param schemaChanges      what the migration changed: statements of the schema script added and removed
 */
public record DryRunReport(String environment, String sandbox, String verdict, long totalMillis, List<String> cloneDifferences,
                           List<StatementResult> statements, SchemaChanges schemaChanges, String note) {

    public record SchemaChanges(List<String> added, List<String> removed) {
    }

    /**
     * @param status  ok, error, or not-run (after an earlier error)
     * @param locks   relation locks the statement took, held until its transaction ends (empty outside a transaction:
     *                they were released when it finished)
     * @param rewritten tables and indexes whose storage was rewritten (a new relfilenode)
     * @param effects what PostgreSQL did for it (DDL, drops, rows written, functions run); null where not observed
     */
    public record StatementResult(String file, int line, String sql, String status, Long millis, Long rowsAffected,
                                  List<LockTaken> locks, List<String> rewritten, Error error, StatementEffects effects) {
    }

    /** @param blocks what others cannot do while it is held: "reads and writes", "writes" or "nothing" */
    public record LockTaken(String relation, String mode, String blocks) {
    }

    /** @param line the line in the migration file PostgreSQL's error position points at */
    public record Error(String sqlState, String message, int line) {
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Dry run of ").append(statements.size()).append(" statements against a copy of '").append(environment)
                .append("' (").append(sandbox).append("): ").append(verdict.toUpperCase(Locale.ROOT)).append(" in ")
                .append(totalMillis).append(" ms\n");
        if (!cloneDifferences.isEmpty()) {
            out.append("The copy differs from the target in ").append(cloneDifferences.size()).append(" places:\n");
            cloneDifferences.forEach(d -> out.append("  ").append(d).append('\n'));
        }
        for (StatementResult s : statements) {
            out.append(s.file()).append(':').append(s.line()).append(": ").append(s.status());
            if (s.millis() != null) {
                out.append(", ").append(s.millis()).append(" ms");
            }
            if (s.rowsAffected() != null && s.rowsAffected() > 0) {
                out.append(", ").append(s.rowsAffected()).append(" rows");
            }
            out.append(" — ").append(s.sql()).append('\n');
            for (LockTaken l : s.locks()) {
                out.append("    lock ").append(l.mode()).append(" on ").append(l.relation()).append(" (blocks ").append(l.blocks()).append(")\n");
            }
            s.rewritten().forEach(r -> out.append("    rewrote ").append(r).append('\n'));
            if (s.effects() != null && !s.effects().isEmpty()) {
                out.append("    effects: ").append(s.effects().describe()).append('\n');
            }
            if (s.error() != null) {
                out.append("    ERROR ").append(s.error().sqlState()).append(" at line ").append(s.error().line()).append(": ")
                        .append(s.error().message()).append('\n');
            }
        }
        out.append("Schema changes: ").append(schemaChanges.added().size()).append(" added, ")
                .append(schemaChanges.removed().size()).append(" removed\n");
        schemaChanges.removed().forEach(r -> out.append("  - ").append(firstLine(r)).append('\n'));
        schemaChanges.added().forEach(a -> out.append("  + ").append(firstLine(a)).append('\n'));
        if (note != null) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
