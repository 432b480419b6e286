package dev.schemaguard.policies.store;

import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.policies.audit.AuditLogFormat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit log in PostgreSQL, for server replicas: entries in {@code schemaguard.audit_entry}, the chain's head in
 * {@code schemaguard.audit_head}, written in one transaction under an advisory lock so that appends from any number of
 * replicas form one chain.
 */
public final class PostgresAuditLog implements AuditLog {

    private final GuardDatabase db;
    private final Clock clock;

    public PostgresAuditLog(GuardDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void append(String event, String actor, Map<String, ?> fields) {
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(21319, 1)");
            }
            long seq = 0;
            String prev = AuditLogFormat.GENESIS;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, hash FROM schemaguard.audit_head")) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
            }
            AuditLogFormat.Entry entry =
                    AuditLogFormat.entry(seq + 1, clock.instant().toString(), event, actor, fields, prev, null);
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO schemaguard.audit_entry (seq, line, hash) VALUES (?, ?, ?)")) {
                s.setLong(1, entry.seq());
                s.setString(2, entry.line());
                s.setString(3, entry.hash());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO schemaguard.audit_head (only_row, seq, hash) VALUES (true, ?, ?)
                    ON CONFLICT (only_row) DO UPDATE SET seq = excluded.seq, hash = excluded.hash""")) {
                s.setLong(1, entry.seq());
                s.setString(2, entry.hash());
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw db.failure("write the audit log", e);
        }
    }

    @Override
    public Verification verify() {
        try (Connection c = db.connect()) {
            List<String> lines = export(c);
            Long headSeq = null;
            String headHash = null;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, hash FROM schemaguard.audit_head")) {
                if (rs.next()) {
                    headSeq = rs.getLong(1);
                    headHash = rs.getString(2);
                }
            }
            c.rollback();
            return AuditLogFormat.verify(lines, headSeq, headHash, List.of());
        } catch (SQLException e) {
            return new Verification(
                    false, 0, List.of("cannot read the audit log in " + db.location() + ": " + e.getMessage()));
        }
    }

    @Override
    public List<String> export() {
        try (Connection c = db.connect()) {
            List<String> lines = export(c);
            c.rollback();
            return lines;
        } catch (SQLException e) {
            throw db.failure("read the audit log", e);
        }
    }

    private static List<String> export(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT line FROM schemaguard.audit_entry ORDER BY seq")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    @Override
    public String location() {
        return "schemaguard.audit_entry in " + db.location();
    }
}
