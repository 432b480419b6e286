package dev.schemaguard.policies.store;

import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.policies.approval.ApprovalStore;
import dev.schemaguard.tools.ToolException;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Approval requests in {@code schemaguard.approval_request}; a change is one transaction holding the row's lock. */
public final class PostgresApprovalStore implements ApprovalStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GuardDatabase db;

    public PostgresApprovalStore(GuardDatabase db) {
        this.db = db;
    }

    private static void insert(Connection c, ApprovalRequest r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO schemaguard.approval_request (id, environment_key, sql_sha256, status, created, document)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, r.id());
            s.setString(2, r.environmentKey());
            s.setString(3, r.sqlSha256());
            s.setString(4, r.status());
            s.setTimestamp(5, Timestamp.from(r.created()));
            s.setString(6, JSON.writeValueAsString(r));
            s.executeUpdate();
        }
    }

    @Override
    public Optional<ApprovalRequest> get(String id) {
        try (Connection c = db.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT document FROM schemaguard.approval_request WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                Optional<ApprovalRequest> found = rs.next()
                        ? Optional.of(JSON.readValue(rs.getString(1), ApprovalRequest.class))
                        : Optional.empty();
                c.rollback();
                return found;
            }
        } catch (SQLException e) {
            throw db.failure("read approval request " + id, e);
        }
    }

    @Override
    public List<ApprovalRequest> list() {
        List<ApprovalRequest> result = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT document FROM schemaguard.approval_request ORDER BY created DESC");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(JSON.readValue(rs.getString(1), ApprovalRequest.class));
            }
            c.rollback();
            return result;
        } catch (SQLException e) {
            throw db.failure("list approval requests", e);
        }
    }

    @Override
    public List<ApprovalRequest> forMigration(String environmentKey, String sqlSha256) {
        try (Connection c = db.connect()) {
            List<ApprovalRequest> found = forMigration(c, environmentKey, sqlSha256);
            c.rollback();
            return found;
        } catch (SQLException e) {
            throw db.failure("read the approval requests of a migration", e);
        }
    }

    private static List<ApprovalRequest> forMigration(Connection c, String environmentKey, String sqlSha256)
            throws SQLException {
        List<ApprovalRequest> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT document FROM schemaguard.approval_request WHERE environment_key = ? AND sql_sha256 = ?
                ORDER BY created DESC""")) {
            s.setString(1, environmentKey);
            s.setString(2, sqlSha256);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(JSON.readValue(rs.getString(1), ApprovalRequest.class));
                }
            }
        }
        return result;
    }

    /** One transaction holding an advisory lock on the migration, so replicas asked at once make one request. */
    @Override
    public ApprovalRequest createUnlessReused(
            ApprovalRequest candidate,
            Function<List<ApprovalRequest>, Optional<ApprovalRequest>> reuse,
            Consumer<ApprovalRequest> beforeCreate) {
        try (Connection c = db.connect()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "schemaguard.approval:" + candidate.environmentKey() + ":" + candidate.sqlSha256());
                lock.execute();
            }
            Optional<ApprovalRequest> existing;
            try {
                existing = reuse.apply(forMigration(c, candidate.environmentKey(), candidate.sqlSha256()));
                if (existing.isEmpty()) {
                    beforeCreate.accept(candidate);
                }
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (existing.isPresent()) {
                c.rollback();
                return existing.get();
            }
            insert(c, candidate);
            c.commit();
            return candidate;
        } catch (SQLException e) {
            throw db.failure("store approval request " + candidate.id(), e);
        }
    }

    @Override
    public ApprovalRequest update(String id, UnaryOperator<ApprovalRequest> change) {
        try (Connection c = db.connect()) {
            ApprovalRequest current;
            try (PreparedStatement s =
                    c.prepareStatement("SELECT document FROM schemaguard.approval_request WHERE id = ? FOR UPDATE")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        throw new ToolException("No approval request '" + id
                                + "'. Run 'schemaguard approvals list' to see the pending ones.");
                    }
                    current = JSON.readValue(rs.getString(1), ApprovalRequest.class);
                }
            }
            ApprovalRequest changed;
            try {
                changed = change.apply(current);
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE schemaguard.approval_request SET status = ?, document = ? WHERE id = ?")) {
                s.setString(1, changed.status());
                s.setString(2, JSON.writeValueAsString(changed));
                s.setString(3, id);
                s.executeUpdate();
            }
            c.commit();
            return changed;
        } catch (SQLException e) {
            throw db.failure("update approval request " + id, e);
        }
    }
}
