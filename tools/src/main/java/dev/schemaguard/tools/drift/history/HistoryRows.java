package dev.schemaguard.tools.drift.history;

import dev.schemaguard.tools.lint.input.HistoryKeys;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each tool's history rows read as the tool reads them: the latest row of a migration decides its state. */
final class HistoryRows {

    private HistoryRows() {}

    static List<AppliedMigration> read(Connection c, HistoryTable table, MigrationsOnDisk onDisk) throws SQLException {
        String t = table.relation();
        Map<String, AppliedMigration> latest = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            switch (table.tool()) {
                case "flyway" -> flyway(s, t, latest);
                case "liquibase" -> liquibase(s, t, latest);
                case "golang-migrate" -> golangMigrate(s, t, onDisk, latest);
                case "dbmate", "rails" ->
                    oneRowEach(
                            s,
                            "SELECT version::text, NULL, NULL FROM " + t + " ORDER BY version",
                            HistoryKeys::number,
                            latest);
                case "diesel" ->
                    oneRowEach(
                            s,
                            "SELECT version::text, NULL, run_on::text FROM " + t + " ORDER BY run_on, version",
                            v -> v,
                            latest);
                case "prisma" -> prisma(s, t, latest);
                case "goose" -> goose(s, t, latest);
                case "sqitch" -> sqitch(s, t, onDisk, latest);
                case "alembic" -> alembic(s, t, onDisk, latest);
                default -> throw new IllegalArgumentException(table.tool());
            }
        }
        return List.copyOf(latest.values());
    }

    /**
     * Tables with one row per applied migration and nothing else to decide: (recorded key, checksum, applied at), the
     * key as the files give it by {@code key}.
     */
    private static void oneRowEach(
            Statement s, String sql, java.util.function.UnaryOperator<String> key, Map<String, AppliedMigration> latest)
            throws SQLException {
        oneRowEach(s, sql, key, rs -> true, latest);
    }

    /** Whether a row of the history counts (sqitch: the plan's project's only). */
    @FunctionalInterface
    private interface RowFilter {
        boolean counts(ResultSet rs) throws SQLException;
    }

    private static void oneRowEach(
            Statement s,
            String sql,
            java.util.function.UnaryOperator<String> key,
            RowFilter filter,
            Map<String, AppliedMigration> latest)
            throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (!filter.counts(rs)) {
                    continue;
                }
                put(
                        latest,
                        new AppliedMigration(
                                key.apply(rs.getString(1)),
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                AppliedMigration.APPLIED));
            }
        }
    }

    /** The plan's project's changes only: one registry holds every project deployed to the database. */
    private static void sqitch(Statement s, String t, MigrationsOnDisk onDisk, Map<String, AppliedMigration> latest)
            throws SQLException {
        String project = onDisk.migrations().isEmpty()
                ? null
                : HistoryKeys.sqitchProject(onDisk.migrations().get(0).units().get(0))
                        .orElse(null);
        oneRowEach(
                s,
                "SELECT change, script_hash, committed_at::text, project FROM " + t + " ORDER BY committed_at",
                v -> v,
                rs -> project == null || project.equals(rs.getString(4)),
                latest);
    }

    private static void flyway(Statement s, String t, Map<String, AppliedMigration> latest) throws SQLException {
        try (ResultSet rs =
                s.executeQuery("SELECT version, description, type, script, checksum, installed_on::text, success FROM "
                        + t + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(1);
                String type = rs.getString(3);
                if (type.equals("SCHEMA") || type.equals("DELETE") || type.startsWith("UNDO")) {
                    continue; // the schema Flyway created, and rows of its undo and repair commands
                }
                String key = version == null ? "R:" + rs.getString(2) : HistoryKeys.flywayVersion(version);
                Object checksum = rs.getObject(5);
                String state = type.equals("BASELINE")
                        ? AppliedMigration.BASELINE
                        : rs.getBoolean(7) ? AppliedMigration.APPLIED : AppliedMigration.FAILED;
                put(
                        latest,
                        new AppliedMigration(
                                key,
                                version == null ? rs.getString(4) : version + " (" + rs.getString(4) + ")",
                                checksum == null ? null : checksum.toString(),
                                rs.getString(6),
                                state));
            }
        }
    }

    private static void liquibase(Statement s, String t, Map<String, AppliedMigration> latest) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT id, author, filename, dateexecuted::text, exectype, md5sum FROM " + t
                + " ORDER BY orderexecuted, dateexecuted")) {
            while (rs.next()) {
                String exectype = rs.getString(5);
                if (exectype.equals("SKIPPED")) {
                    continue;
                }
                String state = exectype.equals("MARK_RAN")
                        ? AppliedMigration.BASELINE
                        : exectype.equals("FAILED") ? AppliedMigration.FAILED : AppliedMigration.APPLIED;
                String file = rs.getString(3);
                String key = rs.getString(1) + "::" + rs.getString(2) + "::"
                        + Path.of(file.replaceFirst("^classpath:", "")).getFileName();
                String md5sum = rs.getString(6);
                put(
                        latest,
                        new AppliedMigration(
                                key,
                                file + "::" + rs.getString(1) + "::" + rs.getString(2),
                                md5sum != null && md5sum.startsWith("9:") ? md5sum : null,
                                rs.getString(4),
                                state));
            }
        }
    }

    /** golang-migrate keeps one row: the version reached, and whether its migration stopped halfway (dirty). */
    private static void golangMigrate(
            Statement s, String t, MigrationsOnDisk onDisk, Map<String, AppliedMigration> latest) throws SQLException {
        BigInteger reached = null;
        boolean dirty = false;
        try (ResultSet rs = s.executeQuery("SELECT version, dirty FROM " + t)) {
            if (rs.next()) {
                reached = BigInteger.valueOf(rs.getLong(1));
                dirty = rs.getBoolean(2);
            }
        }
        if (reached == null || reached.signum() < 0) {
            return;
        }
        boolean reachedHasFile = false;
        for (MigrationOnDisk m : onDisk.migrations()) {
            int order = new BigInteger(m.key()).compareTo(reached);
            if (order <= 0) {
                reachedHasFile |= order == 0;
                put(
                        latest,
                        new AppliedMigration(
                                m.key(),
                                order == 0 ? reached + (dirty ? " (dirty)" : "") : "below " + reached,
                                null,
                                null,
                                order == 0 && dirty ? AppliedMigration.FAILED : AppliedMigration.APPLIED));
            }
        }
        if (!reachedHasFile) {
            put(
                    latest,
                    new AppliedMigration(
                            reached.toString(),
                            reached.toString(),
                            null,
                            null,
                            dirty ? AppliedMigration.FAILED : AppliedMigration.APPLIED));
        }
    }

    private static void prisma(Statement s, String t, Map<String, AppliedMigration> latest) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT migration_name, checksum, finished_at::text, rolled_back_at FROM "
                + t + " ORDER BY started_at")) {
            while (rs.next()) {
                if (rs.getObject(4) != null) {
                    latest.remove(rs.getString(1)); // marked rolled back: prisma migrate deploy runs it again
                    continue;
                }
                put(
                        latest,
                        new AppliedMigration(
                                rs.getString(1),
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(3) == null ? AppliedMigration.FAILED : AppliedMigration.APPLIED));
            }
        }
    }

    /** goose writes a row for each apply and each rollback: the latest row of a version says whether it is applied. */
    private static void goose(Statement s, String t, Map<String, AppliedMigration> latest) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT version_id, is_applied, tstamp::text FROM " + t + " ORDER BY id")) {
            while (rs.next()) {
                String key = Long.toString(rs.getLong(1));
                if (rs.getLong(1) == 0) {
                    continue; // the row goose writes when it creates its table
                }
                if (rs.getBoolean(2)) {
                    put(latest, new AppliedMigration(key, key, null, rs.getString(3), AppliedMigration.APPLIED));
                } else {
                    latest.remove(key);
                }
            }
        }
    }

    /** Alembic keeps only the heads reached: every revision below a head is applied. */
    private static void alembic(Statement s, String t, MigrationsOnDisk onDisk, Map<String, AppliedMigration> latest)
            throws SQLException {
        Deque<String> todo = new ArrayDeque<>();
        try (ResultSet rs = s.executeQuery("SELECT version_num FROM " + t + " ORDER BY version_num")) {
            while (rs.next()) {
                todo.add(rs.getString(1));
            }
        }
        Set<String> heads = new HashSet<>(todo);
        Set<String> applied = new HashSet<>();
        while (!todo.isEmpty()) {
            String revision = todo.pop();
            if (applied.add(revision)) {
                todo.addAll(onDisk.parents().getOrDefault(revision, List.of()));
            }
        }
        List<String> ordered = new ArrayList<>();
        onDisk.migrations().stream()
                .map(MigrationOnDisk::key)
                .filter(applied::contains)
                .forEach(ordered::add);
        applied.stream().filter(r -> !ordered.contains(r)).sorted().forEach(ordered::add);
        for (String revision : ordered) {
            put(
                    latest,
                    new AppliedMigration(
                            revision,
                            heads.contains(revision) ? revision + " (head)" : revision,
                            null,
                            null,
                            AppliedMigration.APPLIED));
        }
    }

    private static void put(Map<String, AppliedMigration> latest, AppliedMigration m) {
        latest.remove(m.key()); // a later row moves it to where it was last applied
        latest.put(m.key(), m);
    }
}
