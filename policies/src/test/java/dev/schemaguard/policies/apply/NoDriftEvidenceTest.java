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
import dev.schemaguard.sandbox.check.CheckReport;
import dev.schemaguard.tools.config.EnvironmentConfig;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production proven on staging: check_migration names where production has drifted from staging in the objects a
 * migration touches (neither as staging has them before the migration nor after it), and a policy that demands
 * no-drift asks no one to approve until there is none — nor where no proven-on is configured at all.
 */
@Tag("database")
class NoDriftEvidenceTest {

    static Sandboxes sandboxes;
    static Environments environments;

    @TempDir
    Path state;

    @BeforeAll
    static void start() {
        sandboxes = Sandboxes.embedded();
        TestDatabase staging = TestPostgres.createDatabase("drift_staging");
        staging.execute(
                "CREATE TABLE customers (id bigint PRIMARY KEY, email text); CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);"
                        + "ALTER TABLE orders ADD COLUMN note text;"); // staging has already run the orders migration
        TestDatabase prod = TestPostgres.createDatabase("drift_prod");
        prod.execute("CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(100), legacy int); "
                + "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);");
        EnvironmentConfig p = prod.environment("prod", Protection.PRODUCTION);
        environments = new JdbcEnvironments(List.of(
                staging.environment("staging", Protection.STAGING),
                new EnvironmentConfig(
                        p.name(),
                        p.url(),
                        p.user(),
                        p.password(),
                        p.protection(),
                        p.reader(),
                        new EnvironmentConfig.Drift(List.of(), null, "staging")),
                prod.environment("prod_alone", Protection.PRODUCTION)));
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
    }

    CheckReport check(String environment, String sql) {
        return new CheckMigration(environments, LintSettings.defaults(), sandboxes)
                .check(environment, MigrationSources.of(sql, null, true));
    }

    @Test
    void driftInTheObjectsAMigrationTouchesIsNamedAndOnlyThere() {
        CheckReport customers = check("prod", "ALTER TABLE customers ADD COLUMN phone text;");
        assertThat(customers.provenOn().differences())
                .as(customers.toText())
                .singleElement()
                .satisfies(d -> assertThat(d.object()).isEqualTo("public.customers"))
                .satisfies(d -> assertThat(String.join(" ", d.second()))
                        .contains("legacy")
                        .contains("character varying(100)"));
        assertThat(customers.verdict()).isEqualTo("review");
        assertThat(customers.reasons()).anyMatch(r -> r.contains("has drifted from 'staging'"));

        CheckReport orders = check("prod", "ALTER TABLE orders ADD COLUMN note text;");
        assertThat(orders.provenOn().touched()).contains("public.orders");
        assertThat(orders.provenOn().differences())
                .as("staging has orders as prod will after it: " + orders.toText())
                .isEmpty();
        assertThat(check("prod_alone", "ALTER TABLE orders ADD COLUMN note text;")
                        .provenOn())
                .isNull();
    }

    @Test
    void aPolicyThatDemandsNoDriftAsksNoApprovalUntilThereIsNone() throws Exception {
        Path policy = state.resolve("no-drift.yaml");
        Files.writeString(policy, """
                schemaguard-policy: 1
                level: organisation
                environments:
                  - match: {protection: [production]}
                    otherwise: approve
                    approval: {count: 1, self-approval: true, expires: 1h}
                    evidence: [no-drift]
                """);
        ApplyMigration apply = apply(PolicySet.load(List.of(policy)));
        Identity dev = new Identity("dev", Set.of(), "os-user");

        ApplyMigration.Result drifted = apply.apply("prod", "ALTER TABLE customers ADD COLUMN phone text;", dev);
        assertThat(drifted.status()).as(drifted.message()).isEqualTo("evidence-missing");
        assertThat(drifted.message()).contains("no-drift (it has drifted from staging in 1 object(s)");
        assertThat(drifted.approval()).isNull();

        ApplyMigration.Result alone = apply.apply("prod_alone", "ALTER TABLE orders ADD COLUMN note text;", dev);
        assertThat(alone.status()).isEqualTo("evidence-missing");
        assertThat(alone.message()).contains("no proven-on environment is configured for prod_alone");

        ApplyMigration.Result inStep = apply.apply("prod", "ALTER TABLE orders ADD COLUMN note text;", dev);
        assertThat(inStep.status()).as(inStep.message()).isEqualTo("pending-approval");
        assertThat(inStep.approval().evidence()).containsExactly("no-drift");
    }

    private ApplyMigration apply(PolicySet policies) {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new FileAuditLog(state, clock);
        CheckMigration check = new CheckMigration(environments, LintSettings.defaults(), sandboxes);
        return new ApplyMigration(
                new ExplainPolicy(environments, LintSettings.defaults(), policies, clock),
                new Approvals(new FileApprovalStore(state), audit, clock),
                new MigrationExecutor(environments),
                audit,
                (env, sql) ->
                        check.check(env, MigrationSources.of(sql, null, MigrationExecutor.runsInOneTransaction(sql))),
                r -> "schemaguard approvals approve " + r.id());
    }
}
