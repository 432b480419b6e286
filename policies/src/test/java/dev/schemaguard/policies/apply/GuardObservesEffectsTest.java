package dev.schemaguard.policies.apply;

import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.FileApprovalStore;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.policies.audit.FileAuditLog;
import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicyLoader;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staging whose policy lets schema changes and row writes through but asks a person before anything destroys data,
 * runs opaque code, or touches the sensitive table. Each migration below reads, to a text classifier, as additive;
 * what it does is not. The guard runs it on the sandbox copy first and decides by what PostgreSQL did there. Judged by
 * effect: the target's rows and objects after the attempt.
 */
@Tag("database")
class GuardObservesEffectsTest {

    static final String POLICY = """
            schemaguard-policy: 1
            roles: {security: [carol]}
            environments:
              - match: {protection: [staging]}
                otherwise: allow
                changes: {destructive: approve, data-loss: approve, privilege: approve, opaque: approve}
                sensitive-tables: [{tables: [public.secrets], role: security}]
                approval: {count: 1, self-approval: false}
            """;
    static final Identity AGENT = new Identity("dev", Set.of(), "os-user");

    static Sandboxes sandboxes;
    TestDatabase staging;
    Environments environments;

    @TempDir
    Path state;

    @BeforeAll
    static void start() {
        sandboxes = Sandboxes.embedded();
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
    }

    @BeforeEach
    void database() {
        staging = TestPostgres.createDatabase("effects_staging");
        staging.execute("""
                CREATE TABLE orders (id int PRIMARY KEY, note text);
                INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 30) g;
                CREATE TABLE secrets (id int PRIMARY KEY, val text);
                INSERT INTO secrets VALUES (1, 'kept'), (2, 'kept');
                CREATE TABLE log (id int);""");
        environments = new JdbcEnvironments(List.of(staging.environment("staging", Protection.STAGING)));
    }

    ApplyMigration apply() {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new FileAuditLog(state, clock);
        CheckMigration check = new CheckMigration(environments, LintSettings.defaults(), sandboxes);
        return new ApplyMigration(
                new ExplainPolicy(
                        environments,
                        LintSettings.defaults(),
                        PolicySet.of(PolicyLoader.read(POLICY, "p.yaml")),
                        clock),
                new Approvals(new FileApprovalStore(state), audit, clock),
                new MigrationExecutor(environments),
                audit,
                (env, sql) ->
                        check.check(env, MigrationSources.of(sql, null, MigrationExecutor.runsInOneTransaction(sql))),
                r -> "schemaguard approvals approve " + r.id());
    }

    long count(String sql) throws SQLException {
        try (Connection c = staging.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                // a rule makes an INSERT delete rows elsewhere
                "CREATE RULE log_also AS ON INSERT TO log DO ALSO DELETE FROM orders;\nINSERT INTO log VALUES (1);",
                // a trigger does it instead
                "CREATE FUNCTION wipe() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM orders; RETURN NULL; END $$;\n"
                        + "CREATE TRIGGER log_wipe AFTER INSERT ON log FOR EACH ROW EXECUTE FUNCTION wipe();\nINSERT INTO log VALUES (1);",
                // a column default runs a function that deletes
                "CREATE FUNCTION next_id() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DELETE FROM orders; RETURN 1; END $$;\n"
                        + "ALTER TABLE log ALTER COLUMN id SET DEFAULT next_id();\nINSERT INTO log DEFAULT VALUES;",
                // DDL hidden in a function called from an INSERT
                "CREATE FUNCTION tidy() RETURNS int LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'DROP TABLE orders'; RETURN 1; END $$;\n"
                        + "INSERT INTO log SELECT tidy();"
            })
    void aMigrationThatReadsAsAdditiveButDestroysWaitsForAPerson(String sql) throws SQLException {
        ApplyMigration.Result r = apply().apply("staging", sql, AGENT);
        assertThat(r.status()).as(r.message()).isEqualTo("pending-approval");
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM log"))
                .as("nothing of it ran on the target")
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "CREATE VIEW secret_view AS SELECT * FROM secrets;\nUPDATE secret_view SET val = 'changed';",
                "WITH changed AS (UPDATE secrets SET val = 'changed' RETURNING 1) SELECT count(*) FROM changed;",
                "INSERT INTO log SELECT 1 FROM (SELECT 1) x;\nMERGE INTO secrets s USING (VALUES (1)) v(id) ON s.id = v.id WHEN MATCHED THEN UPDATE SET val = 'changed';"
            })
    void aSensitiveTableReachedThroughAViewACteOrMergeNeedsItsRole(String sql) throws SQLException {
        ApplyMigration.Result r = apply().apply("staging", sql, AGENT);
        assertThat(r.status()).as(r.message()).isEqualTo("pending-approval");
        assertThat(r.policy().reasons())
                .anySatisfy(reason -> assertThat(reason.why()).contains("public.secrets is sensitive"));
        assertThat(count("SELECT count(*) FROM secrets WHERE val = 'kept'")).isEqualTo(2);
    }

    @Test
    void anAdditiveMigrationStillAppliesAndItsEffectsAreOnRecord() throws SQLException {
        ApplyMigration.Result r = apply().apply(
                        "staging",
                        "ALTER TABLE orders ADD COLUMN shipped boolean;\nINSERT INTO log VALUES (7);",
                        AGENT);
        assertThat(r.status()).as(r.message()).isEqualTo("applied");
        assertThat(count("SELECT count(*) FROM log")).isEqualTo(1);
        assertThat(
                        count(
                                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'shipped'"))
                .isEqualTo(1);
    }
}
