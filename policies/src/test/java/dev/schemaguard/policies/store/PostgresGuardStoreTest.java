package dev.schemaguard.policies.store;

import dev.schemaguard.policies.apply.ApplyMigration;
import dev.schemaguard.policies.apply.MigrationExecutor;
import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicyLoader;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.GuardSettings;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals and the audit log in PostgreSQL, shared by several server replicas — each "replica" here is its own set
 * of objects with its own connections, running concurrently.
 */
@Tag("database")
class PostgresGuardStoreTest {

    static final String POLICY = """
            schemaguard-policy: 1
            roles: {dba: [alice, bob, carol]}
            environments:
              - match: {protection: [production]}
                otherwise: approve
                changes: {ddl: approve}
                approval: {roles: [dba], count: 2, passkey: false}
            """;

    TestDatabase store;
    TestDatabase prod;
    GuardSettings.Store settings;

    @BeforeEach
    void databases() {
        store = TestPostgres.createDatabase("guard_store");
        prod = TestPostgres.createDatabase("guard_prod");
        prod.execute("CREATE TABLE t (id int);");
        settings = new GuardSettings.Store(store.url(), "postgres", new PasswordSource.None());
    }

    /** One server replica: its own connections to the shared store and to prod. */
    record Replica(AuditLog audit, Approvals approvals, ApplyMigration apply) {}

    Replica replica() {
        GuardDatabase db = new GuardDatabase(settings, Map.of());
        AuditLog audit = new PostgresAuditLog(db, Clock.systemUTC());
        Approvals approvals = new Approvals(new PostgresApprovalStore(db), audit, Clock.systemUTC());
        JdbcEnvironments environments = new JdbcEnvironments(List.of(prod.environment("prod", Protection.PRODUCTION)));
        ExplainPolicy explain = new ExplainPolicy(
                environments,
                LintSettings.defaults(),
                PolicySet.of(PolicyLoader.read(POLICY, "p.yaml")),
                Clock.systemUTC());
        return new Replica(
                audit,
                approvals,
                new ApplyMigration(
                        explain,
                        approvals,
                        new MigrationExecutor(environments),
                        audit,
                        (env, sql) -> null,
                        r -> "schemaguard approvals approve " + r.id()));
    }

    static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(c));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void appendsFromManyReplicasAtOnceFormOneIntactChain() throws Exception {
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            int replica = r;
            writers.add(() -> {
                AuditLog log = replica().audit();
                for (int i = 0; i < 20; i++) {
                    log.append("test.event", "replica-" + replica, Map.of("i", i));
                }
                return 20;
            });
        }
        concurrently(writers);
        AuditLog.Verification v = replica().audit().verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.entries()).isEqualTo(120);
    }

    @Test
    void anEditOrDeletionInTheDatabaseIsDetected() {
        AuditLog log = replica().audit();
        for (int i = 0; i < 4; i++) {
            log.append("test.event", "alice", Map.of("i", i));
        }
        store.execute("UPDATE schemaguard.audit_entry SET line = replace(line, 'alice', 'mallory') WHERE seq = 2");
        assertThat(log.verify().problems())
                .anySatisfy(p -> assertThat(p).contains("line 2").contains("does not match its hash"));
        store.execute("DELETE FROM schemaguard.audit_entry WHERE seq = 3");
        assertThat(log.verify().problems()).anySatisfy(p -> assertThat(p).contains("deleted"));
    }

    @Test
    void twoApproversOnTwoReplicasAtOnceBothCountAndNothingIsLost() throws Exception {
        Replica first = replica();
        String sql = "ALTER TABLE t ADD COLUMN a int;";
        ApplyMigration.Result pending = first.apply().apply("prod", sql, new Identity("dev", Set.of(), "mcp"));
        String id = pending.approval().id();
        CyclicBarrier together = new CyclicBarrier(2);
        List<ApprovalRequest> answers = concurrently(List.of(
                () -> {
                    together.await();
                    return replica().approvals().approve(id, new Identity("alice", Set.of(), "os-user"), null);
                },
                () -> {
                    together.await();
                    return replica().approvals().approve(id, new Identity("bob", Set.of(), "os-user"), null);
                }));
        assertThat(answers).extracting(ApprovalRequest::status).containsExactlyInAnyOrder("pending", "approved");
        ApprovalRequest after = replica().approvals().show(id);
        assertThat(after.votes()).extracting(ApprovalRequest.Vote::who).containsExactlyInAnyOrder("alice", "bob");
        assertThat(after.status()).isEqualTo("approved");

        List<String> applies = concurrently(List.of(
                () -> applyOrRefused(replica(), sql),
                () -> applyOrRefused(replica(), sql),
                () -> applyOrRefused(replica(), sql)));
        assertThat(applies).containsOnlyOnce("applied");
        assertThat(replica().audit().verify().intact()).isTrue();
    }

    @Test
    void replicasAskedAtOnceForTheSameMigrationMakeAndAuditOneRequest() throws Exception {
        String sql = "ALTER TABLE t ADD COLUMN c int;";
        CyclicBarrier together = new CyclicBarrier(4);
        List<Callable<String>> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agents.add(() -> {
                Replica replica = replica();
                together.await();
                return replica.apply()
                        .apply("prod", sql, new Identity("dev", Set.of(), "mcp"))
                        .approval()
                        .id();
            });
        }
        List<String> ids = concurrently(agents);
        assertThat(Set.copyOf(ids))
                .as("every replica answers with the same request")
                .hasSize(1);
        assertThat(count(store, "SELECT count(*) FROM schemaguard.approval_request"))
                .isEqualTo(1);
        assertThat(count(store, "SELECT count(*) FROM schemaguard.audit_entry WHERE line LIKE '%approval.requested%'"))
                .isEqualTo(1);
        assertThat(replica().audit().verify().intact()).isTrue();
    }

    static long count(TestDatabase db, String sql) throws java.sql.SQLException {
        try (var c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String applyOrRefused(Replica replica, String sql) {
        try {
            return replica.apply()
                    .apply("prod", sql, new Identity("dev", Set.of(), "mcp"))
                    .status();
        } catch (ToolException e) {
            return "refused";
        }
    }

    @Test
    void thePersonCannotApproveTwiceEvenFromTwoReplicasAtOnce() throws Exception {
        String id = replica()
                .apply()
                .apply("prod", "ALTER TABLE t ADD COLUMN b int;", new Identity("dev", Set.of(), "mcp"))
                .approval()
                .id();
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> alice = () -> {
            together.await();
            try {
                return replica()
                        .approvals()
                        .approve(id, new Identity("alice", Set.of(), "os-user"), null)
                        .status();
            } catch (ToolException e) {
                return "refused";
            }
        };
        assertThat(concurrently(List.of(alice, alice))).containsExactlyInAnyOrder("pending", "refused");
        assertThat(replica().approvals().show(id).votes()).hasSize(1);
    }
}
