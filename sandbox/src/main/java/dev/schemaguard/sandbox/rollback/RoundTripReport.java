package dev.schemaguard.sandbox.rollback;

import java.util.List;

/**
 * The proof of a rollback: up, down, compare with the original schema, then up again.
 *
 * @param verdict        verified (the schema comes back exactly), verified-with-data-loss (it does, but the migration
 *                       destroys data the rollback cannot restore), or failed (see {@code failure} and {@code differences})
 * @param rollbackSql    the down migration that was checked
 * @param source         "generated", or the down migration file that was checked instead
 * @param differences    how the schema after up + down differs from the original (empty when verified)
 * @param reapplicable   whether the migration runs again after the rollback
 */
public record RoundTripReport(String environment, String sandbox, String verdict, String source, String rollbackSql,
                              List<String> dataLoss, List<String> irreversible, List<String> differences,
                              Boolean reapplicable, String failure, long totalMillis) {

    public String toText() {
        StringBuilder out = new StringBuilder("Rollback for a migration on '" + environment + "' (" + source + ", checked on "
                + sandbox + "): " + verdict.toUpperCase(java.util.Locale.ROOT) + " in " + totalMillis + " ms\n");
        if (failure != null) {
            out.append("Failure: ").append(failure).append('\n');
        }
        differences.forEach(d -> out.append("  differs: ").append(d).append('\n'));
        dataLoss.forEach(d -> out.append("  data loss: ").append(d).append('\n'));
        irreversible.forEach(d -> out.append("  irreversible: ").append(d).append('\n'));
        if (reapplicable != null) {
            out.append("Re-applicable after the rollback: ").append(reapplicable ? "yes" : "no").append('\n');
        }
        out.append("-- down migration:\n").append(rollbackSql);
        return out.toString();
    }
}
