package dev.schemaguard.tools.rollback;

import java.util.List;

/**
 * A way back from a migration.
 *
 * @param statements   the down migration, in the order to run it
 * @param dataLoss     what the up migration destroys that the down migration cannot bring back, per statement, with
 *                     the backup to take first
 * @param irreversible schema changes the down migration cannot undo, and why
 * @param notes        what to know before running it (a rebuilt type fails while rows hold a value it no longer has)
 * @param source       "generated", or the file of an existing down migration that was checked instead
 */
public record Rollback(
        List<String> statements, List<String> dataLoss, List<String> irreversible, List<String> notes, String source) {

    public String sql() {
        StringBuilder out = new StringBuilder();
        statements.forEach(s -> out.append(s).append(";\n"));
        return out.toString();
    }
}
