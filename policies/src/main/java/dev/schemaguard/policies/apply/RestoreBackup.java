package dev.schemaguard.policies.apply;

import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code schemaguard restore HISTORY_ID}: puts back the rows that a migration's destructive statements removed or
 * changed, from the copies taken before them (backup-before-destructive). The restore is itself a migration — delete
 * the table's rows, insert the copy's — and goes through {@link ApplyMigration}: the environment's policy decides,
 * approval included. Each table is restored from its earliest copy, the state before the migration; a table that
 * was dropped must be re-created first (generate_rollback gives the DDL).
 */
public final class RestoreBackup {

    private static final Pattern BACKUP =
            Pattern.compile("schemaguard_backup\\.(\\S+) \\(copy of (\\S+)\\.(\\S+) before statement (\\d+)\\)");

    private final Environments environments;
    private final ApplyMigration apply;

    public RestoreBackup(Environments environments, ApplyMigration apply) {
        this.environments = environments;
        this.apply = apply;
    }

    public ApplyMigration.Result restore(String environment, String historyId, Identity requester) {
        return apply.apply(environment, restoreSql(environment, historyId), requester);
    }

    /** The restore migration for one history entry (the same text each time, so an approval of it holds). */
    public String restoreSql(String environment, String historyId) {
        try (Connection c = environments.openReadOnly(environment)) {
            List<String> backups = backups(c, historyId);
            Map<String, String[]> earliest = new LinkedHashMap<>();
            for (String b : backups) {
                Matcher m = BACKUP.matcher(b);
                if (!m.matches()) {
                    throw new ToolException(
                            "History " + historyId + " names a backup schemaguard does not recognise: " + b);
                }
                String table = m.group(2) + "." + m.group(3);
                String[] current = earliest.get(table);
                if (current == null || Integer.parseInt(m.group(4)) < Integer.parseInt(current[1])) {
                    earliest.put(table, new String[] {m.group(1), m.group(4), m.group(2), m.group(3)});
                }
            }
            StringBuilder sql = new StringBuilder("-- restore of the rows backed up by history " + historyId + "\n");
            for (Map.Entry<String, String[]> e : earliest.entrySet()) {
                String[] b = e.getValue();
                if (!exists(c, b[2], b[3])) {
                    throw new ToolException(
                            e.getKey() + " does not exist any more: re-create it first (generate_rollback gives "
                                    + "its DDL), then restore its rows from schemaguard_backup." + b[0] + ".");
                }
                List<String> columns = commonColumns(c, b[2], b[3], b[0]);
                String target = ident(b[2]) + "." + ident(b[3]);
                String list = String.join(
                        ", ", columns.stream().map(RestoreBackup::ident).toList());
                sql.append("DELETE FROM ").append(target).append(";\n");
                sql.append("INSERT INTO ")
                        .append(target)
                        .append(" (")
                        .append(list)
                        .append(") OVERRIDING SYSTEM VALUE SELECT ")
                        .append(list)
                        .append(" FROM schemaguard_backup.")
                        .append(ident(b[0]))
                        .append(";\n");
            }
            c.rollback();
            return sql.toString();
        } catch (SQLException e) {
            throw new ToolException(
                    "Cannot read the backups of history " + historyId + " on '" + environment + "': " + e.getMessage());
        }
    }

    private static List<String> backups(Connection c, String historyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT backups FROM schemaguard.schemaguard_history WHERE history_id = ? AND outcome = 'applied'")) {
            s.setString(1, historyId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ToolException(
                            "No applied migration with history id " + historyId + " on this environment.");
                }
                Array array = rs.getArray(1);
                List<String> backups = new ArrayList<>(List.of((String[]) array.getArray()));
                if (backups.isEmpty()) {
                    throw new ToolException("History " + historyId
                            + " has no backups (the policy did not ask for them, or nothing " + "destructive ran).");
                }
                return backups;
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                throw new ToolException(
                        "Nothing was ever applied through schemaguard here (no schemaguard.schemaguard_history).");
            }
            throw e;
        }
    }

    private static boolean exists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT to_regclass(quote_ident(?) || '.' || quote_ident(?)) IS NOT NULL")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Columns the table and its copy share, except generated ones (PostgreSQL computes those). */
    private static List<String> commonColumns(Connection c, String schema, String table, String copy)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                WHERE a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass AND a.attnum > 0 AND NOT a.attisdropped
                  AND a.attgenerated = ''
                  AND a.attname IN (SELECT b.attname FROM pg_attribute b
                                    WHERE b.attrelid = ('schemaguard_backup.' || quote_ident(?))::regclass AND b.attnum > 0 AND NOT b.attisdropped)
                ORDER BY a.attnum""")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, copy);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
