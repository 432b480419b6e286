package dev.schemaguard.policies.policy;

import dev.schemaguard.policies.classify.ClassifiedStatement;
import dev.schemaguard.policies.classify.StatementClassifier;
import dev.schemaguard.policies.classify.TableSizeLookup;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.PasswordSource;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.lint.LintMigration;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.lint.rules.LintRules;
import dev.schemaguard.tools.sql.SqlSplitter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicySetTest {

    static final EnvironmentConfig PROD = env("prod", Protection.PRODUCTION);
    static final EnvironmentConfig DEV = env("dev", Protection.DEVELOPMENT);
    static final EnvironmentConfig STAGING = env("staging", Protection.STAGING);
    /** A Wednesday, 10:30 in Berlin. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2026-11-25T09:30:00Z");

    static final Instant WEDNESDAY_EVENING = Instant.parse("2026-11-25T19:30:00Z");

    static EnvironmentConfig env(String name, Protection p) {
        return new EnvironmentConfig(name, "jdbc:postgresql://localhost/x", null, new PasswordSource.None(), p);
    }

    static PolicyVerdict evaluate(PolicySet policies, EnvironmentConfig env, String sql, Instant now) {
        return evaluate(policies, env, sql, now, TableSizeLookup.NONE);
    }

    static PolicyVerdict evaluate(
            PolicySet policies, EnvironmentConfig env, String sql, Instant now, TableSizeLookup sizes) {
        var lint = new LintMigration(LintRules.all(), LintSettings.defaults(), null)
                .lint(List.of(new MigrationUnit("m.sql", 1, sql, true, "plain", "migration")));
        List<ClassifiedStatement> statements =
                StatementClassifier.classify(SqlSplitter.split(sql, "m.sql"), lint.findings(), sizes);
        return policies.evaluate(env, statements, ExplainPolicy.sha256(sql), now);
    }

    static PolicySet policy(String yaml) {
        return PolicySet.of(PolicyLoader.read(yaml, "p.yaml"));
    }

    @Test
    void theStarterPolicyLetsDevelopmentChangeFreelyAndMakesProductionWaitForSomeoneElse() {
        PolicySet starter = PolicySet.builtIn("starter");
        String sql = "ALTER TABLE orders ADD COLUMN note text;";
        assertThat(evaluate(starter, DEV, sql, WEDNESDAY_MORNING).decision()).isEqualTo(Decision.ALLOW);
        PolicyVerdict prod = evaluate(starter, PROD, sql, WEDNESDAY_MORNING);
        assertThat(prod.decision()).isEqualTo(Decision.APPROVE);
        assertThat(prod.approval().selfApproval()).isFalse();
        assertThat(prod.approval().formElicitation()).isFalse();
        assertThat(prod.approval().passkey())
                .as("production approvals need proof of presence")
                .isTrue();
        // not no-drift: it needs a proven-on environment, which a starter configuration does not have (it would refuse
        // all)
        assertThat(prod.evidence())
                .containsExactlyInAnyOrder(Evidence.LINT_CLEAN, Evidence.DRY_RUN_PASSED, Evidence.ROLLBACK_VERIFIED);
        assertThat(prod.lockTimeout()).hasSeconds(3);
        assertThat(prod.backupBeforeDestructive()).isTrue();
        assertThat(evaluate(starter, STAGING, sql, WEDNESDAY_MORNING).decision())
                .isEqualTo(Decision.ALLOW);
        PolicyVerdict staging = evaluate(starter, STAGING, "DROP TABLE orders;", WEDNESDAY_MORNING);
        assertThat(staging.decision()).isEqualTo(Decision.APPROVE);
        assertThat(staging.approval().passkey()).isFalse();
        assertThat(staging.approval().formElicitation()).isTrue();
    }

    @Test
    void droppingADatabaseIsForbiddenEvenOnDevelopment() {
        PolicyVerdict v = evaluate(PolicySet.builtIn("starter"), DEV, "DROP DATABASE shop;", WEDNESDAY_MORNING);
        assertThat(v.decision()).isEqualTo(Decision.FORBID);
        assertThat(v.reasons().get(0).rule()).contains("rule no-drop-database");
        assertThat(v.reasons().get(0).why()).isEqualTo("dropping a whole database is never a migration");
    }

    @Test
    void theGuardRefusesTransactionControlWhateverThePolicySays() {
        PolicyVerdict v = evaluate(
                PolicySet.builtIn("starter"),
                DEV,
                "CREATE TABLE a (id int);\nCOMMIT;\nDROP TABLE b;",
                WEDNESDAY_MORNING);
        assertThat(v.decision()).isEqualTo(Decision.FORBID);
        assertThat(v.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo("guard");
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void noDdlInBusinessHoursInTheZoneThePolicyNames() {
        PolicySet p = policy("""
                schemaguard-policy: 1
                environments:
                  - match: {protection: [production]}
                    otherwise: allow
                    windows: [{label: business hours, deny: [ddl], days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00", zone: Europe/Berlin}]
                """);
        PolicyVerdict during = evaluate(p, PROD, "CREATE INDEX CONCURRENTLY i ON orders (c);", WEDNESDAY_MORNING);
        assertThat(during.decision()).isEqualTo(Decision.FORBID);
        assertThat(during.reasons().get(0).why()).contains("business hours").contains("try again after 18:00");
        assertThat(evaluate(p, PROD, "CREATE INDEX CONCURRENTLY i ON orders (c);", WEDNESDAY_EVENING)
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluate(p, PROD, "UPDATE orders SET c = 1 WHERE id = 2;", WEDNESDAY_MORNING)
                        .decision())
                .as("DML is not DDL")
                .isEqualTo(Decision.ALLOW);
        // Saturday morning
        assertThat(evaluate(p, PROD, "CREATE TABLE t (id int);", Instant.parse("2026-11-28T09:30:00Z"))
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void aFreezeStopsEverythingFromItsFirstToItsLastDayInclusive() {
        PolicySet p = policy("""
                schemaguard-policy: 1
                environments:
                  - match: {protection: [production]}
                    otherwise: allow
                    freezes: [{label: year end, from: 2026-12-20, to: 2027-01-04, zone: Europe/Berlin}]
                """);
        assertThat(evaluate(p, PROD, "UPDATE t SET a = 1 WHERE id = 1;", Instant.parse("2026-12-19T23:30:00Z"))
                        .decision())
                .as("00:30 on the 20th in Berlin")
                .isEqualTo(Decision.FORBID);
        assertThat(evaluate(p, PROD, "UPDATE t SET a = 1 WHERE id = 1;", Instant.parse("2027-01-04T22:59:00Z"))
                        .decision())
                .isEqualTo(Decision.FORBID);
        assertThat(evaluate(p, PROD, "UPDATE t SET a = 1 WHERE id = 1;", Instant.parse("2027-01-04T23:00:00Z"))
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void theStrictestDecisionOfAllFilesWinsSoALowerLevelCannotLoosen() {
        PolicyFile org = PolicyLoader.read("""
                schemaguard-policy: 1
                level: organisation
                environments:
                  - match: {protection: [production]}
                    changes: {destructive: forbid}
                    approval: {count: 2, self-approval: false, expires: 4h}
                """, "org.yaml");
        PolicyFile repo = PolicyLoader.read("""
                schemaguard-policy: 1
                level: repository
                environments:
                  - match: {names: [prod]}
                    changes: {destructive: allow, ddl: approve}
                    approval: {count: 1, self-approval: true, expires: 48h}
                """, "repo.yaml");
        PolicySet set = PolicySet.of(repo, org);
        PolicyVerdict drop = evaluate(set, PROD, "DROP TABLE orders;", WEDNESDAY_MORNING);
        assertThat(drop.decision()).isEqualTo(Decision.FORBID);
        assertThat(drop.reasons().get(0).rule()).startsWith("org.yaml");
        PolicyVerdict add = evaluate(set, PROD, "CREATE TABLE t (id int);", WEDNESDAY_MORNING);
        assertThat(add.decision()).isEqualTo(Decision.APPROVE);
        assertThat(add.approval().count()).isEqualTo(2);
        assertThat(add.approval().selfApproval()).isFalse();
        assertThat(add.approval().expires()).hasHours(4);
        assertThat(set.names()).containsExactly("repo.yaml", "org.yaml");
    }

    @Test
    void locksAreComparedWithTheThresholdAndRewritesWithTheTableSize() {
        PolicySet p = policy("""
                schemaguard-policy: 1
                environments:
                  - match: {protection: [production]}
                    otherwise: allow
                    changes:
                      locking: {decision: approve, at-least: share}
                      rewrite: {decision: forbid, above-rows: 1000000}
                """);
        assertThat(evaluate(p, PROD, "CREATE INDEX CONCURRENTLY i ON orders (c);", WEDNESDAY_EVENING)
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluate(p, PROD, "CREATE INDEX i ON orders (c);", WEDNESDAY_EVENING)
                        .decision())
                .isEqualTo(Decision.APPROVE);
        String rewrite = "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);";
        TableSizeLookup small = t -> new TableSizeLookup.Size(10, 8192);
        TableSizeLookup big = t -> new TableSizeLookup.Size(5_000_000, 1L << 30);
        assertThat(evaluate(p, PROD, rewrite, WEDNESDAY_EVENING, small).decision())
                .isEqualTo(Decision.APPROVE);
        PolicyVerdict bigRewrite = evaluate(p, PROD, rewrite, WEDNESDAY_EVENING, big);
        assertThat(bigRewrite.decision()).isEqualTo(Decision.FORBID);
        assertThat(bigRewrite.reasons().get(0).why()).contains("public.orders (5000000 rows");
        assertThat(evaluate(p, PROD, rewrite, WEDNESDAY_EVENING, TableSizeLookup.NONE)
                        .reasons()
                        .get(0)
                        .why())
                .as("a table of unknown size is not assumed small")
                .contains("not known (treated as big)");
    }

    @Test
    void celConditionsSeeTheStatementAndAddTheRolesTheyName() {
        PolicySet p = policy("""
                schemaguard-policy: 1
                roles: {security: [carol], dba: [alice]}
                environments:
                  - match: {protection: [production]}
                    otherwise: allow
                    approval: {roles: [dba]}
                    rules:
                      - id: pii
                        when: 'statement.text.matches("(?i)\\\\bemail\\\\b") && "ddl" in statement.classes'
                        decision: approve
                        roles: [security]
                        reason: touches personal data
                      - id: big-tables
                        when: 'statement.table_rows > 100 && statement.table == "public.orders"'
                        decision: forbid
                """);
        PolicyVerdict v = evaluate(p, PROD, "ALTER TABLE users ADD COLUMN email text;", WEDNESDAY_EVENING);
        assertThat(v.decision()).isEqualTo(Decision.APPROVE);
        assertThat(v.approval().roleGroups()).containsExactly(List.of("dba"), List.of("security"));
        assertThat(v.approval().members()).containsEntry("security", List.of("carol"));
        assertThat(evaluate(p, PROD, "ALTER TABLE users ADD COLUMN note text;", WEDNESDAY_EVENING)
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluate(
                                p,
                                PROD,
                                "UPDATE orders SET a = 1 WHERE id = 1;",
                                WEDNESDAY_EVENING,
                                t -> new TableSizeLookup.Size(500, 1))
                        .decision())
                .isEqualTo(Decision.FORBID);
    }

    @Test
    void aConditionThatCannotBeEvaluatedFailsClosed() {
        PolicySet p = policy("""
                schemaguard-policy: 1
                environments:
                  - match: {protection: [production]}
                    rules: [{id: typo, when: 'statement.no_such_field == "x"', decision: approve}]
                """);
        PolicyVerdict v = evaluate(p, PROD, "CREATE TABLE t (id int);", WEDNESDAY_EVENING);
        assertThat(v.decision()).isEqualTo(Decision.FORBID);
        assertThat(v.reasons().get(0).why()).contains("could not be evaluated").contains("fails closed");
    }

    @Test
    void onProductionAStatementNoRuleDecidesWaitsForAPersonUnlessABlockSaysOtherwise() {
        PolicySet silent = policy("""
                schemaguard-policy: 1
                environments:
                  - match: {protection: [production]}
                    changes: {destructive: forbid}
                """);
        PolicyVerdict v = evaluate(silent, PROD, "CREATE TABLE t (id int);", WEDNESDAY_EVENING);
        assertThat(v.decision()).isEqualTo(Decision.APPROVE);
        assertThat(v.reasons().get(0).rule()).isEqualTo("default for production");
        assertThat(evaluate(silent, STAGING, "CREATE TABLE t (id int);", WEDNESDAY_EVENING)
                        .decision())
                .as("a block for production says nothing about staging: no block covers it")
                .isEqualTo(Decision.APPROVE);
        assertThat(evaluate(silent, DEV, "CREATE TABLE t (id int);", WEDNESDAY_EVENING)
                        .decision())
                .as("development: no block covers it either")
                .isEqualTo(Decision.APPROVE);
        PolicySet open = policy("""
                schemaguard-policy: 1
                environments:
                  - match: {protection: [production]}
                    otherwise: allow
                    changes: {destructive: forbid}
                """);
        assertThat(evaluate(open, PROD, "CREATE TABLE t (id int);", WEDNESDAY_EVENING)
                        .decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluate(open, PROD, "DROP TABLE t;", WEDNESDAY_EVENING).decision())
                .isEqualTo(Decision.FORBID);
    }

    @Test
    void anEnvironmentNoBlockCoversNeedsApproval() {
        PolicySet p = policy("schemaguard-policy: 1\nenvironments:\n  - match: {names: [other]}\n");
        PolicyVerdict v = evaluate(p, PROD, "CREATE TABLE t (id int);", WEDNESDAY_EVENING);
        assertThat(v.decision()).isEqualTo(Decision.APPROVE);
        assertThat(v.reasons().get(0).why()).contains("no policy block covers environment 'prod'");
    }

    @Test
    void sensitiveTablesNeedTheirRole() {
        PolicySet p = policy("""
                schemaguard-policy: 1
                roles: {security: [carol]}
                environments:
                  - match: {protection: [production]}
                    otherwise: allow
                    sensitive-tables: [{tables: ["billing.*"], role: security}]
                """);
        PolicyVerdict v = evaluate(p, PROD, "UPDATE billing.invoices SET paid = true WHERE id = 1;", WEDNESDAY_EVENING);
        assertThat(v.decision()).isEqualTo(Decision.APPROVE);
        assertThat(v.approval().roleGroups()).containsExactly(List.of("security"));
        assertThat(v.toText()).contains("billing.invoices is sensitive");
        assertThat(evaluate(p, PROD, "UPDATE public.invoices SET paid = true WHERE id = 1;", WEDNESDAY_EVENING)
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }
}
