package dev.schemaguard.policies.apply;

import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.FileApprovalStore;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.policies.audit.FileAuditLog;
import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicyLoader;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guarded apply against real PostgreSQL databases: a development and two production environments, a policy with
 * roles, and approvals given by identities other than the requester. Each test fails if the guard can be bypassed.
 */
@Tag("database")
class ApplyMigrationTest {

    static final String POLICY = """
            schemaguard-policy: 1
            level: organisation
            roles: {dba: [alice, bob]}
            environments:
              - match: {protection: [development]}
                changes: {opaque: approve}
              - match: {protection: [production]}
                otherwise: approve
                changes: {ddl: approve, dml: approve, privilege: approve, opaque: approve}
                approval: {roles: [dba], count: 1, self-approval: false, expires: 4h, passkey: false}
                max-dml-rows: 2
                backup-before-destructive: true
            """;
    static final Identity AGENT = new Identity("dev", Set.of(), "os-user");
    static final Identity ALICE = new Identity("alice", Set.of(), "os-user");
    static final Identity BOB = new Identity("bob", Set.of(), "os-user");
    static final Identity MALLORY = new Identity("mallory", Set.of(), "os-user");

    @TempDir
    Path state;

    TestDatabase dev;
    TestDatabase prod;
    TestDatabase prod2;
    Environments environments;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T20:00:00Z"));
    AuditLog audit;
    Approvals approvals;
    ApplyMigration apply;

    @BeforeEach
    void databases() {
        dev = TestPostgres.createDatabase("apply_dev");
        prod = TestPostgres.createDatabase("apply_prod");
        prod2 = TestPostgres.createDatabase("apply_prod2");
        for (TestDatabase db : List.of(dev, prod, prod2)) {
            db.execute("""
                    CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL);
                    INSERT INTO customers VALUES (1, 'a@example.com'), (2, 'b@example.com'), (3, 'c@example.com');
                    ANALYZE customers;""");
        }
        environments = new JdbcEnvironments(List.of(
                dev.environment("dev", Protection.DEVELOPMENT),
                prod.environment("prod", Protection.PRODUCTION),
                prod2.environment("prod2", Protection.PRODUCTION)));
        restart();
    }

    /** New objects over the same state directory and databases: what a restarted server sees. */
    void restart() {
        audit = new FileAuditLog(state, clock);
        approvals = new Approvals(new FileApprovalStore(state), audit, clock);
        apply = applyOver(audit, approvals);
    }

    ApplyMigration applyOver(AuditLog auditLog, Approvals approvalsOf) {
        PolicySet policies = PolicySet.of(PolicyLoader.read(POLICY, "policy.yaml"));
        return new ApplyMigration(
                new ExplainPolicy(environments, LintSettings.defaults(), policies, clock),
                approvalsOf,
                new MigrationExecutor(environments),
                auditLog,
                (env, sql) -> null,
                r -> "schemaguard approvals approve " + r.id());
    }

    /** Another server over the same state directory (its own store and audit objects). */
    ApplyMigration anotherServer() {
        AuditLog auditLog = new FileAuditLog(state, clock);
        return applyOver(auditLog, new Approvals(new FileApprovalStore(state), auditLog, clock));
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean columnExists(TestDatabase db, String table, String column) throws SQLException {
        return count(
                        db,
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = '" + table
                                + "' AND column_name = '" + column + "'")
                == 1;
    }

    @Test
    void anAllowedMigrationAppliesInOneTransactionAndIsRecordedOnce() throws SQLException {
        ApplyMigration.Result r = apply.apply(
                "dev",
                "ALTER TABLE customers ADD COLUMN note text;\nCREATE INDEX customers_note ON customers (note);",
                AGENT);
        assertThat(r.status()).as(r.message()).isEqualTo("applied");
        assertThat(r.apply().transactional()).isTrue();
        assertThat(columnExists(dev, "customers", "note")).isTrue();
        assertThat(
                        count(
                                dev,
                                "SELECT count(*) FROM schemaguard.schemaguard_history WHERE outcome = 'applied' AND requester = 'dev'"))
                .isEqualTo(1);
        assertThatThrownBy(() -> apply.apply(
                        "dev",
                        "ALTER TABLE customers ADD COLUMN note text;\nCREATE INDEX customers_note ON customers (note);",
                        AGENT))
                .hasMessageContaining("applied already");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void twoServersAskedAtOnceForTheSameMigrationMakeOneRequest() throws Exception {
        String sql = "ALTER TABLE customers ADD COLUMN fax text;";
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ApplyMigration own = anotherServer();
                ids.add(pool.submit(() -> {
                    together.await();
                    return own.apply("prod", sql, AGENT).approval().id();
                }));
            }
            assertThat(ids.get(0).get()).isEqualTo(ids.get(1).get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(approvals.list(true)).hasSize(1);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void productionWaitsForAnotherPersonsApprovalAndThenAppliesExactlyThatSql() throws SQLException {
        String sql = "ALTER TABLE customers ADD COLUMN phone text;";
        ApplyMigration.Result pending = apply.apply("prod", sql, AGENT);
        assertThat(pending.status()).isEqualTo("pending-approval");
        assertThat(pending.message())
                .contains("schemaguard approvals approve " + pending.approval().id());
        assertThat(columnExists(prod, "customers", "phone")).isFalse();
        assertThat(apply.apply("prod", sql, AGENT).approval().id())
                .as("asking again reuses the pending request")
                .isEqualTo(pending.approval().id());

        ApprovalRequest approved = approvals.approve(pending.approval().id(), ALICE, "looks fine");
        assertThat(approved.status()).isEqualTo("approved");
        ApplyMigration.Result applied = apply.apply("prod", sql, AGENT);
        assertThat(applied.status()).as(applied.message()).isEqualTo("applied");
        assertThat(columnExists(prod, "customers", "phone")).isTrue();
        assertThat(count(
                        prod,
                        "SELECT count(*) FROM schemaguard.schemaguard_history WHERE approvers = '{alice}' AND approval_id = '"
                                + pending.approval().id() + "'"))
                .isEqualTo(1);
        assertThat(approvals.show(pending.approval().id()).status()).isEqualTo("applied");
        assertThatThrownBy(() -> apply.apply("prod", sql, AGENT))
                .as("no second request for what is applied")
                .hasMessageContaining("applied already");
        assertThat(audit.export())
                .extracting(l -> l.replaceAll(".*\"event\":\"([^\"]+)\".*", "$1"))
                .containsSubsequence(
                        "policy.decision",
                        "approval.requested",
                        "approval.approved",
                        "policy.decision",
                        "apply.started",
                        "apply.finished");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequestNorCanSomeoneWithoutTheRole() {
        ApplyMigration.Result pending = apply.apply("prod", "ALTER TABLE customers ADD COLUMN x int;", ALICE);
        String id = pending.approval().id();
        assertThatThrownBy(() -> approvals.approve(id, ALICE, null))
                .hasMessageContaining("alice requested " + id + " and cannot approve");
        assertThatThrownBy(() -> approvals.approve(id, MALLORY, null)).hasMessageContaining("holds none of the roles");
        assertThat(approvals.show(id).status()).isEqualTo("pending");
        assertThat(audit.export())
                .filteredOn(l -> l.contains("approval.refused"))
                .hasSize(2);
        assertThat(approvals.approve(id, BOB, null).status()).isEqualTo("approved");
        assertThatThrownBy(() -> approvals.approve(id, BOB, null)).hasMessageContaining("approved already");
    }

    @Test
    void whereThePolicyAsksForAPasskeyOnlyAnApprovalGivenWithOneCounts() throws SQLException {
        PolicySet passkey =
                PolicySet.of(PolicyLoader.read(POLICY.replace("passkey: false", "passkey: true"), "policy.yaml"));
        apply = new ApplyMigration(
                new ExplainPolicy(environments, LintSettings.defaults(), passkey, clock),
                approvals,
                new MigrationExecutor(environments),
                audit,
                (env, sql) -> null,
                r -> "open /approve/" + r.id());
        String sql = "ALTER TABLE customers ADD COLUMN p int;";
        String id = apply.apply("prod", sql, AGENT).approval().id();
        assertThatThrownBy(() -> approvals.approve(id, ALICE, null))
                .hasMessageContaining("only on the schemaguard server's approval page");
        approvals.approve(id, new Identity("alice", Set.of(), Identity.PASSKEY), null);
        assertThat(apply.apply("prod", sql, AGENT).status()).isEqualTo("applied");
        assertThat(columnExists(prod, "customers", "p")).isTrue();
    }

    @Test
    void sqlChangedAfterApprovalNeedsANewApproval() throws SQLException {
        ApplyMigration.Result pending = apply.apply("prod", "ALTER TABLE customers ADD COLUMN a int;", AGENT);
        approvals.approve(pending.approval().id(), ALICE, null);
        ApplyMigration.Result changed =
                apply.apply("prod", "ALTER TABLE customers ADD COLUMN a int; DROP TABLE customers;", AGENT);
        assertThat(changed.status()).isEqualTo("pending-approval");
        assertThat(changed.approval().id()).isNotEqualTo(pending.approval().id());
        ApplyMigration.Result sameButOneSpace = apply.apply("prod", "ALTER TABLE customers ADD COLUMN a  int;", AGENT);
        assertThat(sameButOneSpace.status())
                .as("any byte changed is another migration")
                .isEqualTo("pending-approval");
        assertThat(columnExists(prod, "customers", "a")).isFalse();
        assertThat(count(prod, "SELECT count(*) FROM customers")).isEqualTo(3);
    }

    @Test
    void anApprovalIsNotReplayedOnAnotherEnvironment() throws SQLException {
        String sql = "ALTER TABLE customers ADD COLUMN b int;";
        approvals.approve(apply.apply("prod", sql, AGENT).approval().id(), ALICE, null);
        ApplyMigration.Result other = apply.apply("prod2", sql, AGENT);
        assertThat(other.status()).isEqualTo("pending-approval");
        assertThat(columnExists(prod2, "customers", "b")).isFalse();
    }

    @Test
    void anApprovalIsBoundToTheDatabaseNotJustToTheEnvironmentsName() throws SQLException {
        String sql = "ALTER TABLE customers ADD COLUMN k int;";
        approvals.approve(apply.apply("prod", sql, AGENT).approval().id(), ALICE, null);
        // the same name, now configured to reach another database (say, the demo's "prod" and a real one)
        environments = new JdbcEnvironments(List.of(prod2.environment("prod", Protection.PRODUCTION)));
        restart();
        assertThat(apply.apply("prod", sql, AGENT).status()).isEqualTo("pending-approval");
        assertThat(columnExists(prod2, "customers", "k")).isFalse();
    }

    @Test
    void anExpiredRequestCanNeitherBeApprovedNorUsed() throws SQLException {
        String sql = "ALTER TABLE customers ADD COLUMN c int;";
        String first = apply.apply("prod", sql, AGENT).approval().id();
        clock.advance(Duration.ofHours(5));
        assertThatThrownBy(() -> approvals.approve(first, ALICE, null)).hasMessageContaining("expired");
        String second = apply.apply("prod", sql, AGENT).approval().id();
        approvals.approve(second, ALICE, null);
        clock.advance(Duration.ofHours(5));
        ApplyMigration.Result late = apply.apply("prod", sql, AGENT);
        assertThat(late.status()).isEqualTo("pending-approval");
        assertThat(late.approval().id()).isNotIn(first, second);
        assertThat(columnExists(prod, "customers", "c")).isFalse();
    }

    @Test
    void forgedGuessedOrPathLikeIdsFindNothing() {
        apply.apply("prod", "ALTER TABLE customers ADD COLUMN d int;", AGENT);
        for (String id : List.of("apr-aaaaaaaaaaaaaaaaaaaaaaaa", "../approvals/x", "apr-", "")) {
            assertThatThrownBy(() -> approvals.approve(id, ALICE, null)).hasMessageContaining("No approval request");
        }
        assertThat(audit.export())
                .as("guessing is on record too")
                .filteredOn(l -> l.contains("approval.refused"))
                .hasSize(4);
    }

    @Test
    void aRequestEditedOnDiskCannotBeApproved() throws Exception {
        String id = apply.apply("prod", "ALTER TABLE customers ADD COLUMN e int;", AGENT)
                .approval()
                .id();
        Path file = state.resolve("approvals").resolve(id + ".json");
        Files.writeString(
                file, Files.readString(file).replace("ADD COLUMN e int;", "ADD COLUMN e int; DROP TABLE customers;"));
        assertThatThrownBy(() -> approvals.approve(id, ALICE, null)).hasMessageContaining("altered");
    }

    @Test
    void aRequestWhoseStatusIsEditedToApprovedIsNotAppliedEvenWithItsSealRecomputed() throws Exception {
        String sql = "ALTER TABLE customers ADD COLUMN forged int;";
        ApprovalRequest pending = apply.apply("prod", sql, AGENT).approval();
        Path file = state.resolve("approvals").resolve(pending.id() + ".json");
        // the naive edit
        Files.writeString(
                file, Files.readString(file).replaceFirst("\"status\"\\s*:\\s*\"pending\"", "\"status\":\"approved\""));
        assertThat(Files.readString(file)).contains("\"status\":\"approved\"");
        assertThat(apply.apply("prod", sql, AGENT).status()).isNotEqualTo("applied");
        assertThat(columnExists(prod, "customers", "forged")).isFalse();
        assertThat(approvals.integrity(approvals.show(pending.id()))).contains("do not match its seal");
        // the careful edit: a vote and a seal that match the file, as anyone who read the source could write them
        ApprovalRequest.Vote vote =
                new ApprovalRequest.Vote("alice", "os-user", List.of("dba"), "approved", clock.instant(), null);
        String seal = ApprovalRequest.sealOf(pending.binding(), "approved", List.of(vote), null);
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode node =
                (tools.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        node.put("status", "approved");
        node.put("seal", seal);
        node.set("votes", json.valueToTree(List.of(vote)));
        Files.writeString(file, json.writeValueAsString(node));
        assertThat(approvals.show(pending.id()).sealed())
                .as("the file is consistent in itself")
                .isTrue();
        assertThat(apply.apply("prod", sql, AGENT).status()).isNotEqualTo("applied");
        assertThat(columnExists(prod, "customers", "forged"))
                .as("nothing applied: the audit log never recorded that approval")
                .isFalse();
        assertThat(approvals.integrityProblems())
                .anySatisfy(p -> assertThat(p).contains(pending.id()).contains("audit log"));
        assertThat(audit.export())
                .anySatisfy(l ->
                        assertThat(l).contains("\"event\":\"approval.altered\"").contains(pending.id()));
    }

    @Test
    void aMigrationThatCommitsStatementByStatementIsInTheHistoryBeforeItsFirstStatementAndNeverRunsTwice()
            throws Exception {
        String sql =
                "CREATE INDEX CONCURRENTLY customers_email ON customers (email);\nALTER TABLE customers ADD COLUMN z int;";
        java.util.concurrent.atomic.AtomicReference<ApplyMigration.Result> first =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (Connection blocker = dev.connect();
                Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE customers IN ACCESS SHARE MODE"); // the ALTER waits behind it
            Thread running = new Thread(() -> {
                try {
                    first.set(apply.apply("dev", sql, AGENT));
                } catch (RuntimeException e) {
                    first.set(null);
                }
            });
            running.start();
            long waiting = 0;
            for (int i = 0; i < 100 && waiting == 0; i++) {
                Thread.sleep(50);
                waiting = count(
                        dev,
                        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'ALTER TABLE customers ADD COLUMN z%' AND wait_event_type = 'Lock'");
            }
            assertThat(waiting).as("the apply waits on its second statement").isEqualTo(1);
            assertThat(count(dev, "SELECT count(*) FROM schemaguard.schemaguard_history WHERE outcome = 'running'"))
                    .as("recorded before its first statement ran")
                    .isEqualTo(1);
            // the apply's connection dies mid-way, as in a crash: nothing can record how it ended
            count(
                    dev,
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'ALTER TABLE customers ADD COLUMN z%'");
            running.join(30_000);
            blocker.rollback();
        }
        assertThat(count(dev, "SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_email'"))
                .isEqualTo(1);
        assertThatThrownBy(() -> apply.apply("dev", sql, AGENT))
                .hasMessageContaining("did not finish")
                .hasMessageContaining("not run again");
        assertThat(columnExists(dev, "customers", "z")).isFalse();
        assertThat(count(dev, "SELECT count(*) FROM schemaguard.schemaguard_history"))
                .isEqualTo(1);
    }

    @Test
    void aNulCharacterIsRefusedBeforeAnythingRuns() throws SQLException {
        String sql =
                "CREATE INDEX CONCURRENTLY customers_email ON customers (email);\nCOMMENT ON TABLE customers IS 'a\0b';";
        assertThatThrownBy(() -> apply.apply("dev", sql, AGENT)).hasMessageContaining("NUL");
        assertThat(count(dev, "SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_email'"))
                .isZero();
    }

    @Test
    void smuggledStatementsHiddenByCommentsOrQuotesAreEachJudged() throws SQLException {
        ApplyMigration.Result r =
                apply.apply("dev", "SELECT 1; /* ; */ SELECT $x$ ; $x$; DROP TABLE customers -- ;\n;", AGENT);
        assertThat(r.status())
                .as("development allows the drop: the point is that it was seen")
                .isEqualTo("applied");
        assertThat(r.policy().reasons()).isEmpty();
        ApplyMigration.Result onProd = apply.apply("prod", "SELECT 1; DROP TABLE customers;", AGENT);
        assertThat(onProd.status()).isEqualTo("pending-approval");
        assertThat(onProd.policy().reasons())
                .anySatisfy(reason -> assertThat(reason.kind()).isEqualTo("drop table"));
        assertThat(count(prod, "SELECT count(*) FROM customers")).isEqualTo(3);
    }

    @Test
    void whatWouldDefeatTheGuardIsForbiddenEvenWhereEverythingElseIsAllowed() throws SQLException {
        for (String sql : List.of(
                "CREATE TABLE t1 (id int);\nCOMMIT;\nDROP TABLE customers;",
                "SET ROLE postgres;\nDROP TABLE customers;",
                "SET SESSION AUTHORIZATION postgres;",
                "RESET ALL;",
                "SET \"session_replication_role\" = replica;\nDELETE FROM customers;",
                "COPY customers TO PROGRAM 'cat > /tmp/leak';",
                "COPY customers FROM '/etc/passwd';",
                "\\! rm -rf /tmp/x\n")) {
            ApplyMigration.Result r = apply.apply("dev", sql, AGENT);
            assertThat(r.status()).as(sql).isEqualTo("forbidden");
            assertThat(r.message()).contains("[guard]");
        }
        assertThat(count(dev, "SELECT count(*) FROM customers WHERE email LIKE '%@example.com'"))
                .isEqualTo(3);
        assertThat(count(dev, "SELECT count(*) FROM pg_tables WHERE tablename = 't1'"))
                .isZero();
    }

    @Test
    void aStatementThatChangesTheSessionIsRefusedByWhatItChangedHoweverItIsSpelled() throws SQLException {
        for (String sql : List.of(
                "SET \"statement_timeout\" = 0;\nUPDATE customers SET email = 'x';",
                "RESET \"lock_timeout\";\nUPDATE customers SET email = 'x';",
                "SET lock_timeout = '1h';\nUPDATE customers SET email = 'x';",
                "SET search_path = pg_temp, public;\nUPDATE customers SET email = 'x';",
                "CREATE INDEX CONCURRENTLY customers_email ON customers (email);\nSET search_path = pg_temp, public;\nUPDATE customers SET email = 'x';")) {
            ApplyMigration.Result r = apply.apply("dev", sql, AGENT);
            assertThat(r.status()).as(sql).isEqualTo("failed");
            assertThat(r.message()).as(sql).contains("changed the session");
        }
        assertThat(count(dev, "SELECT count(*) FROM customers WHERE email LIKE '%@example.com'"))
                .isEqualTo(3);
        assertThat(count(dev, "SELECT count(*) FROM schemaguard.schemaguard_history WHERE outcome = 'failed'"))
                .isEqualTo(5);
    }

    /** The environments above connect as a superuser; most real migration users are not. */
    @Test
    void anOrdinaryMigrationUserCanApplyThePinnedSessionNeedsNoSuperuser() throws SQLException {
        dev.execute("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_migrator') THEN CREATE ROLE app_migrator LOGIN; END IF;
                END $$;
                GRANT CREATE, USAGE ON SCHEMA public TO app_migrator;""");
        dev.execute("GRANT CREATE ON DATABASE " + dev.name() + " TO app_migrator;");
        Environments asMigrator = new JdbcEnvironments(List.of(new dev.schemaguard.tools.config.EnvironmentConfig(
                "dev",
                dev.url(),
                "app_migrator",
                new dev.schemaguard.tools.config.PasswordSource.None(),
                Protection.DEVELOPMENT)));
        PolicySet policies = PolicySet.of(PolicyLoader.read(POLICY, "policy.yaml"));
        ApplyMigration byMigrator = new ApplyMigration(
                new ExplainPolicy(asMigrator, LintSettings.defaults(), policies, clock),
                approvals,
                new MigrationExecutor(asMigrator),
                audit,
                (env, sql) -> null,
                r -> "schemaguard approvals approve " + r.id());
        ApplyMigration.Result r =
                byMigrator.apply("dev", "SET lock_timeout = '2s';\nCREATE TABLE public.migrator_made (id int);", AGENT);
        assertThat(r.status()).as(r.message()).isEqualTo("applied");
        assertThat(count(dev, "SELECT count(*) FROM pg_tables WHERE tablename = 'migrator_made'"))
                .isEqualTo(1);
    }

    @Test
    void aTimeoutSetTighterThanThePolicysIsWhatLintRecommendsAndApplies() throws SQLException {
        ApplyMigration.Result r =
                apply.apply("dev", "SET lock_timeout = '2s';\nALTER TABLE customers ADD COLUMN note text;", AGENT);
        assertThat(r.status()).as(r.message()).isEqualTo("applied");
        assertThat(columnExists(dev, "customers", "note")).isTrue();
    }

    @Test
    void sideEffectingFunctionsInASelectAreOpaqueAndNeedApproval() throws SQLException {
        ApplyMigration.Result r = apply.apply(
                "dev", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'x';", AGENT);
        assertThat(r.status()).isEqualTo("pending-approval");
        assertThat(r.policy().reasons())
                .anySatisfy(reason -> assertThat(reason.rule()).contains("changes.opaque"));
    }

    @Test
    void aFailingStatementRollsBackTheWholeMigrationAndTheFailureIsRecorded() throws SQLException {
        ApplyMigration.Result r = apply.apply(
                "dev", "ALTER TABLE customers ADD COLUMN f int;\nALTER TABLE customers ADD COLUMN email text;", AGENT);
        assertThat(r.status()).isEqualTo("failed");
        assertThat(r.message())
                .contains("statement 2 failed")
                .contains("[42701]")
                .contains("nothing was applied");
        assertThat(columnExists(dev, "customers", "f")).isFalse();
        assertThat(count(dev, "SELECT count(*) FROM schemaguard.schemaguard_history WHERE outcome = 'failed'"))
                .isEqualTo(1);
        assertThat(audit.export().get(audit.export().size() - 1))
                .contains("apply.finished")
                .contains("\"outcome\":\"failed\"");
    }

    @Test
    void dmlTouchingMoreRowsThanThePolicyAllowsIsRolledBack() throws SQLException {
        String sql = "UPDATE customers SET email = lower(email);";
        approvals.approve(apply.apply("prod", sql, AGENT).approval().id(), ALICE, null);
        ApplyMigration.Result r = apply.apply("prod", sql, AGENT);
        assertThat(r.status()).isEqualTo("failed");
        assertThat(r.message()).contains("3 rows changed; the policy allows at most 2");
    }

    @Test
    void destructiveStatementsAreBackedUpFirstWhenThePolicySaysSo() throws SQLException {
        String sql = "DELETE FROM customers WHERE id = 1;";
        approvals.approve(apply.apply("prod", sql, AGENT).approval().id(), BOB, null);
        ApplyMigration.Result r = apply.apply("prod", sql, AGENT);
        assertThat(r.status()).as(r.message()).isEqualTo("applied");
        assertThat(r.apply().backups()).hasSize(1);
        String backup = r.apply().backups().get(0).split(" ")[0];
        assertThat(count(
                        prod,
                        "SELECT count(*) FROM " + backup.replace("schemaguard_backup.", "schemaguard_backup.\"")
                                + "\" WHERE id = 1"))
                .isEqualTo(1);
        assertThat(count(prod, "SELECT count(*) FROM customers")).isEqualTo(2);
    }

    @Test
    void restoringAHistoryEntryPutsTheRowsBackThroughTheSameGuard() throws SQLException {
        PolicySet roomier =
                PolicySet.of(PolicyLoader.read(POLICY.replace("max-dml-rows: 2", "max-dml-rows: 10"), "policy.yaml"));
        apply = new ApplyMigration(
                new ExplainPolicy(environments, LintSettings.defaults(), roomier, clock),
                approvals,
                new MigrationExecutor(environments),
                audit,
                (env, sql) -> null,
                r -> "approve " + r.id());
        String sql = "DELETE FROM customers WHERE id > 1;";
        approvals.approve(apply.apply("prod", sql, AGENT).approval().id(), BOB, null);
        ApplyMigration.Result deleted = apply.apply("prod", sql, AGENT);
        assertThat(count(prod, "SELECT count(*) FROM customers")).isEqualTo(1);

        RestoreBackup restore = new RestoreBackup(environments, apply);
        assertThat(restore.restoreSql("prod", deleted.apply().historyId()))
                .contains("DELETE FROM \"public\".\"customers\";")
                .contains(
                        "INSERT INTO \"public\".\"customers\" (\"id\", \"email\") OVERRIDING SYSTEM VALUE SELECT \"id\", \"email\" FROM schemaguard_backup.");
        ApplyMigration.Result pending = restore.restore("prod", deleted.apply().historyId(), AGENT);
        assertThat(pending.status())
                .as("a restore on production is a change like any other")
                .isEqualTo("pending-approval");
        approvals.approve(pending.approval().id(), ALICE, null);
        ApplyMigration.Result restored = restore.restore("prod", deleted.apply().historyId(), AGENT);
        assertThat(restored.status()).as(restored.message()).isEqualTo("applied");
        assertThat(count(prod, "SELECT count(*) FROM customers WHERE email LIKE '%@example.com'"))
                .isEqualTo(3);
        assertThat(restored.apply().backups())
                .as("the restore backs up what it replaces, too")
                .hasSize(1);
    }

    @Test
    void aRestoreRefusesWhatItCannotPutBack() {
        assertThatThrownBy(() -> new RestoreBackup(environments, apply).restoreSql("dev", "no-such-history"))
                .hasMessageContaining("Nothing was ever applied through schemaguard here");
        apply.apply("dev", "CREATE TABLE t2 (id int);", AGENT);
        assertThatThrownBy(() -> new RestoreBackup(environments, apply).restoreSql("dev", "no-such-history"))
                .hasMessageContaining("No applied migration with history id no-such-history");
    }

    @Test
    void twoAppliesOnOneEnvironmentNeverOverlap() throws Exception {
        try (Connection holder = dev.connect();
                Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + 0x5347 + ", hashtext('dev'))");
            assertThatThrownBy(() -> apply.apply("dev", "ALTER TABLE customers ADD COLUMN g int;", AGENT))
                    .isInstanceOf(ToolException.class)
                    .hasMessageContaining("Another apply is running on 'dev'");
        }
        assertThat(columnExists(dev, "customers", "g")).isFalse();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<String> call = () -> {
                try {
                    return apply.apply("dev", "ALTER TABLE customers ADD COLUMN h int;", AGENT)
                            .status();
                } catch (ToolException e) {
                    return "refused";
                }
            };
            results.add(pool.submit(call));
        }
        List<String> statuses = new ArrayList<>();
        for (Future<String> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce("applied").doesNotContain("failed");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anApprovalSurvivesARestartBetweenApprovalAndApply() throws SQLException {
        String sql = "ALTER TABLE customers ADD COLUMN i int;";
        approvals.approve(apply.apply("prod", sql, AGENT).approval().id(), ALICE, null);
        restart();
        assertThat(apply.apply("prod", sql, AGENT).status()).isEqualTo("applied");
        assertThat(columnExists(prod, "customers", "i")).isTrue();
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void statementsPostgresRefusesInATransactionRunOnTheirOwn() throws SQLException {
        ApplyMigration.Result r = apply.apply(
                "dev",
                "CREATE INDEX CONCURRENTLY customers_email ON customers (email);\nALTER TABLE customers ADD COLUMN j int;",
                AGENT);
        assertThat(r.status()).as(r.message()).isEqualTo("applied");
        assertThat(r.apply().transactional()).isFalse();
        assertThat(count(dev, "SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_email'"))
                .isEqualTo(1);
    }
}
