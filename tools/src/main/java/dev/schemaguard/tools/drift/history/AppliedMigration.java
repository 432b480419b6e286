package dev.schemaguard.tools.drift.history;

/**
 * One migration as a history table records it.
 *
 * @param key       the same identity as {@link MigrationOnDisk#key()}
 * @param recorded  what the table holds for it, as written there (a version, a file name)
 * @param checksum  the checksum recorded with it, where the tool keeps one; null otherwise
 * @param appliedAt when it ran, as the table says; null where the tool does not record it
 * @param state     applied, failed (the tool recorded a failure, or a dirty version) or baseline (marked applied by a
 *                  baseline, never run)
 */
public record AppliedMigration(String key, String recorded, String checksum, String appliedAt, String state) {

    public static final String APPLIED = "applied";
    public static final String FAILED = "failed";
    public static final String BASELINE = "baseline";
}
