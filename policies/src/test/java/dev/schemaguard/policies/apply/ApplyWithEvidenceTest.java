package dev.schemaguard.policies.apply;

import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.FileApprovalStore;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.policies.audit.FileAuditLog;
import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationSources;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in starter policy on a production environment: an approval can only be asked for once a real
 * check_migration (lint, dry run on a disposable copy, verified rollback) shows the evidence it demands.
 */
@Tag("database")
class ApplyWithEvidenceTest {

    static Sandboxes sandboxes;
    static TestDatabase prod;
    static Environments environments;

    @TempDir
    Path state;

    @BeforeAll
    static void start() {
        sandboxes = Sandboxes.embedded();
        prod = TestPostgres.createDatabase("evidence_prod");
        prod.execute("CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);");
        environments = new JdbcEnvironments(List.of(prod.environment("prod", Protection.PRODUCTION)));
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
    }

    ApplyMigration apply() {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new FileAuditLog(state, clock);
        CheckMigration check = new CheckMigration(environments, LintSettings.defaults(), sandboxes);
        return new ApplyMigration(
                new ExplainPolicy(environments, LintSettings.defaults(), PolicySet.builtIn("starter"), clock),
                new Approvals(new FileApprovalStore(state), audit, clock),
                new MigrationExecutor(environments),
                audit,
                (env, sql) ->
                        check.check(env, MigrationSources.of(sql, null, MigrationExecutor.runsInOneTransaction(sql))),
                r -> "schemaguard approvals approve " + r.id());
    }

    @Test
    void aMigrationWhoseRollbackIsProvenGetsARequestCitingTheCheckReport() {
        ApplyMigration.Result r = apply().apply(
                        "prod",
                        "ALTER TABLE customers ADD COLUMN note text;",
                        new Identity("dev", Set.of(), "os-user"));
        assertThat(r.status()).as(r.message()).isEqualTo("pending-approval");
        assertThat(r.approval().evidenceReportId()).isEqualTo(r.evidence().reportId());
        assertThat(r.approval().evidence())
                .containsExactlyInAnyOrder("lint-clean", "dry-run-passed", "rollback-verified");
    }

    @Test
    void whenAMigrationThatCannotRunInOneTransactionFailsHalfWayTheVerifiedRollbackIsOffered() {
        ApplyMigration apply = apply();
        String sql = "CREATE INDEX CONCURRENTLY customers_email ON customers (email);\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY customers_email_unique ON customers (email);";
        ApplyMigration.Result pending = apply.apply("prod", sql, new Identity("dev", Set.of(), "os-user"));
        assertThat(pending.status()).as(pending.message()).isEqualTo("pending-approval");
        assertThat(pending.approval().rollbackSql()).contains("DROP INDEX").contains("customers_email");
        new Approvals(new FileApprovalStore(state), new FileAuditLog(state, Clock.systemUTC()), Clock.systemUTC())
                .approve(pending.approval().id(), new Identity("alice", Set.of(), Identity.PASSKEY), null);
        prod.execute(
                "INSERT INTO customers (email) VALUES ('twice@example.com'), ('twice@example.com');"); // data the check
        // did not have
        ApplyMigration.Result failed = apply.apply("prod", sql, new Identity("dev", Set.of(), "os-user"));
        assertThat(failed.status()).as(failed.message()).isEqualTo("failed");
        assertThat(failed.message())
                .contains("1 statement(s) before it stay applied")
                .contains("rollback verified before approval")
                .contains("DROP INDEX");
        prod.execute("DROP INDEX customers_email; DROP INDEX IF EXISTS customers_email_unique; DELETE FROM customers;");
    }

    @Test
    void anApprovalDoesNotHoldOnceTheSchemaChangedSinceItsCheck() throws Exception {
        ApplyMigration apply = apply();
        String sql = "CREATE INDEX customers_email_lower ON customers (lower(email));";
        ApplyMigration.Result pending = apply.apply("prod", sql, new Identity("dev", Set.of(), "os-user"));
        new Approvals(new FileApprovalStore(state), new FileAuditLog(state, Clock.systemUTC()), Clock.systemUTC())
                .approve(pending.approval().id(), new Identity("alice", Set.of(), Identity.PASSKEY), null);
        prod.execute(
                "CREATE TABLE someone_elses (id int);"); // a change to the schema after the approvers saw the check
        ApplyMigration.Result again = apply.apply("prod", sql, new Identity("dev", Set.of(), "os-user"));
        assertThat(again.status()).as(again.message()).isEqualTo("pending-approval");
        assertThat(again.approval().id())
                .as("a new request, with a new check")
                .isNotEqualTo(pending.approval().id());
        try (var c = prod.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_email_lower'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nothing was applied").isZero();
        }
        prod.execute("DROP TABLE someone_elses;");
    }

    @Test
    void aMigrationThatFailsItsDryRunGetsNoRequest() {
        ApplyMigration.Result r = apply().apply(
                        "prod", "ALTER TABLE customers ADD COLUMN id int;", new Identity("dev", Set.of(), "os-user"));
        assertThat(r.status()).isEqualTo("evidence-missing");
        assertThat(r.message()).contains("dry-run-passed (the dry run failed)");
        assertThat(r.approval()).isNull();
    }
}
