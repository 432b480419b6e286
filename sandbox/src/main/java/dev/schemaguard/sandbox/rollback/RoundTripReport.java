package dev.schemaguard.sandbox.rollback;

import java.util.List;
import java.util.Locale;

/**
 * The proof of a rollback: up, down, compare with the original schema (and, with sample rows, the original data), then
 * up again.
 *
 * @param verdict          verified (the schema comes back exactly), verified-with-data-loss (it does, but the migration
 *                         destroys data the rollback cannot restore, or a column comes back in another place), or
 *                         failed ({@code failure} says the one thing to fix)
 * @param cloneDifferences where the sandbox copy differs from the target: a proof on such a copy cannot be trusted
 * @param rollbackSql      the down migration that was checked
 * @param source           "generated", or the down migration file that was checked instead
 * @param notes            what to know before running the rollback (column order, values it cannot hold)
 * @param differences      how the schema after up + down differs from the original (empty when verified)
 * @param data             per table with sample rows: whether up + down gave its rows back (empty without sample rows)
 * @param reapplicable     whether the migration runs again after the rollback
 */
public record RoundTripReport(
        String environment,
        String sandbox,
        String verdict,
        String source,
        String rollbackSql,
        List<String> cloneDifferences,
        String failure,
        List<String> notes,
        List<String> dataLoss,
        List<String> irreversible,
        List<String> differences,
        List<TableData> data,
        Boolean reapplicable,
        long totalMillis) {

    /**
     * @param restored    the rows came back as they were (count and checksum)
     * @param lostColumns columns whose values did not come back
     */
    public record TableData(
            String table, long rowsBefore, long rowsAfter, boolean restored, List<String> lostColumns) {}

    public String toText() {
        StringBuilder out = new StringBuilder();
        if (!cloneDifferences.isEmpty()) {
            out.append("The sandbox copy differs from '")
                    .append(environment)
                    .append("' in ")
                    .append(cloneDifferences.size())
                    .append(" place(s); this proof cannot be trusted until it does not:\n");
            cloneDifferences.forEach(d -> out.append("  ").append(d).append('\n'));
        }
        out.append("Rollback for a migration on '")
                .append(environment)
                .append("' (")
                .append(source)
                .append(", checked on ")
                .append(sandbox)
                .append("): ")
                .append(verdict.toUpperCase(Locale.ROOT))
                .append(" in ")
                .append(totalMillis)
                .append(" ms\n");
        if (failure != null) {
            out.append("To fix: ").append(failure).append('\n');
        }
        notes.forEach(n -> out.append("  note: ").append(n).append('\n'));
        differences.forEach(d -> out.append("  differs: ").append(d).append('\n'));
        dataLoss.forEach(d -> out.append("  data loss: ").append(d).append('\n'));
        irreversible.forEach(d -> out.append("  irreversible: ").append(d).append('\n'));
        for (TableData t : data) {
            out.append("  data: ")
                    .append(t.table())
                    .append(' ')
                    .append(t.rowsBefore())
                    .append(" → ")
                    .append(t.rowsAfter())
                    .append(" rows, ")
                    .append(
                            t.restored()
                                    ? "restored"
                                    : t.lostColumns().isEmpty()
                                            ? "not the same rows"
                                            : "values lost in " + String.join(", ", t.lostColumns()))
                    .append('\n');
        }
        if (reapplicable != null) {
            out.append("Re-applicable after the rollback: ")
                    .append(reapplicable ? "yes" : "no")
                    .append('\n');
        }
        out.append("-- down migration:\n").append(rollbackSql);
        return out.toString();
    }
}
