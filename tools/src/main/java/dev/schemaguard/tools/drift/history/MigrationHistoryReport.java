package dev.schemaguard.tools.drift.history;

import dev.schemaguard.tools.drift.CompareSchemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment's migration history against a migration tree: each migration applied, pending, edited since it was
 * applied, failed, or applied without a file here; and whether the live schema is what the applied migrations produce.
 *
 * @param historyTable the table read, or null when the environment has none of the tool's
 * @param replay       the applied migrations replayed on an empty sandbox and compared with the live schema
 */
public record MigrationHistoryReport(
        String environment,
        String tool,
        String historyTable,
        List<Entry> migrations,
        Map<String, Integer> counts,
        List<String> notes,
        Replay replay) {

    public static final String PENDING = "pending";
    public static final String EDITED = "edited";
    public static final String CHANGED_REPEATABLE = "changed-since-run";
    public static final String WITHOUT_FILE = "applied-without-file";

    /** @param state applied, pending, edited, failed, baseline, changed-since-run or applied-without-file */
    public record Entry(String migration, String file, String state, String appliedAt, String detail) {}

    /**
     * @param status       matches, differs, failed (a migration failed on the sandbox) or not-replayed
     * @param differences  how the live schema differs from the replayed one (the replay first, the environment second)
     */
    public record Replay(String status, String detail, List<CompareSchemas.Difference> differences) {

        public static Replay notReplayed(String why) {
            return new Replay("not-replayed", why, List.of());
        }
    }

    /** Pairs the files with the history, in the files' order, then what only the history has. */
    public static MigrationHistoryReport of(
            String environment, MigrationsOnDisk onDisk, HistoryTable table, List<AppliedMigration> applied) {
        Map<String, AppliedMigration> byKey = new LinkedHashMap<>();
        applied.forEach(a -> byKey.put(a.key(), a));
        List<Entry> entries = new ArrayList<>();
        String newestApplied = null;
        for (MigrationOnDisk m : onDisk.migrations()) {
            if (byKey.containsKey(m.key()) && !m.repeatable()) {
                newestApplied = m.key();
            }
        }
        boolean pastNewest = newestApplied == null;
        for (MigrationOnDisk m : onDisk.migrations()) {
            AppliedMigration a = byKey.remove(m.key());
            if (a == null) {
                entries.add(new Entry(
                        m.key(),
                        m.file(),
                        PENDING,
                        null,
                        pastNewest || m.repeatable()
                                ? null
                                : "older than " + newestApplied
                                        + ", which is applied: out of order (the tool may refuse or skip it)"));
            } else if (m.checksum() != null
                    && a.checksum() != null
                    && !m.checksum().equals(a.checksum())
                    && a.state().equals(AppliedMigration.APPLIED)) {
                entries.add(new Entry(
                        m.key(),
                        m.file(),
                        m.repeatable() ? CHANGED_REPEATABLE : EDITED,
                        a.appliedAt(),
                        "checksum " + m.checksum() + " here, " + a.checksum() + " when applied"
                                + (m.repeatable()
                                        ? " (a repeatable migration: the tool runs it again)"
                                        : ": the file was edited after it ran")));
            } else {
                entries.add(new Entry(
                        m.key(),
                        m.file(),
                        a.state(),
                        a.appliedAt(),
                        a.state().equals(AppliedMigration.FAILED) ? "recorded as failed: " + a.recorded() : null));
            }
            if (m.key().equals(newestApplied)) {
                pastNewest = true;
            }
        }
        for (AppliedMigration a : byKey.values()) {
            entries.add(new Entry(
                    a.key(),
                    null,
                    WITHOUT_FILE,
                    a.appliedAt(),
                    "recorded as " + a.recorded() + ", no file here: deleted, renamed, or from another branch"));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        entries.forEach(e -> counts.merge(e.state(), 1, Integer::sum));
        List<String> notes = new ArrayList<>();
        if (onDisk.tool().equals("liquibase")) {
            notes.add(
                    "Liquibase's checksums are compared for formatted-SQL changesets only; other changesets are hashed from "
                            + "Liquibase's own serialisation of their changes, so their edits show only in the replay.");
        }
        if (!List.of("flyway", "prisma", "sqitch", "liquibase").contains(onDisk.tool())) {
            notes.add(onDisk.tool()
                    + " records no checksums: a file edited after it ran cannot be told from the history; "
                    + "the replay below compares what the files produce with the live schema.");
        }
        return new MigrationHistoryReport(
                environment,
                onDisk.tool(),
                table == null ? null : table.qualified(),
                List.copyOf(entries),
                counts,
                notes,
                null);
    }

    public MigrationHistoryReport withReplay(Replay result) {
        return new MigrationHistoryReport(environment, tool, historyTable, migrations, counts, notes, result);
    }

    public MigrationHistoryReport withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new MigrationHistoryReport(
                environment, tool, historyTable, migrations, counts, List.copyOf(more), replay);
    }

    /** Whether the history and the files agree and the live schema is what they produce. */
    public boolean consistent() {
        return migrations.stream()
                        .allMatch(e -> e.state().equals(AppliedMigration.APPLIED)
                                || e.state().equals(PENDING)
                                || e.state().equals(AppliedMigration.BASELINE))
                && (replay == null
                        || !replay.status().equals("differs")
                                && !replay.status().equals("failed"));
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(tool).append(" migrations against '").append(environment).append("'");
        out.append(
                        historyTable == null
                                ? ": no " + tool + " history table there (nothing applied by " + tool + ")"
                                : " (history in " + historyTable + ")")
                .append(": ");
        out.append(String.join(
                        ", ",
                        counts.entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey())
                                .toList()))
                .append('\n');
        for (Entry e : migrations) {
            out.append("  ")
                    .append(String.format("%-22s", e.state()))
                    .append(' ')
                    .append(e.migration());
            if (e.file() != null) {
                out.append("  ").append(e.file());
            }
            if (e.detail() != null) {
                out.append("\n      ").append(e.detail());
            }
            out.append('\n');
        }
        notes.forEach(n -> out.append("Note: ").append(n).append('\n'));
        if (replay != null) {
            out.append("Live schema against the applied migrations replayed on a sandbox: ")
                    .append(replay.status());
            if (replay.detail() != null) {
                out.append(" — ").append(replay.detail());
            }
            out.append('\n');
            replay.differences().forEach(d -> d.appendTo(out, "migrations", environment));
        }
        return out.toString();
    }
}
