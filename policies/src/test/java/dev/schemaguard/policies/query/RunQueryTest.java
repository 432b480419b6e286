package dev.schemaguard.policies.query;

import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.FileAuditLog;
import dev.schemaguard.policies.policy.PolicyLoader;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunQueryTest {

    static TestDatabase db;
    static final Identity AGENT = new Identity("dev", Set.of(), "mcp");

    @TempDir
    Path state;

    @BeforeAll
    static void database() {
        db = TestPostgres.createDatabase("run_query");
        db.execute("""
                CREATE TABLE items (id int PRIMARY KEY, name text);
                INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 50) g;
                CREATE TABLE log (at timestamptz DEFAULT now());
                CREATE FUNCTION sneaky() RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log DEFAULT VALUES; RETURN 1; END $$;""");
    }

    RunQuery runQuery(String policy) {
        JdbcEnvironments environments = new JdbcEnvironments(List.of(db.environment("dev", Protection.DEVELOPMENT),
                db.environment("prod", Protection.PRODUCTION)));
        PolicySet policies = policy == null ? PolicySet.builtIn("starter") : PolicySet.of(PolicyLoader.read(policy, "p.yaml"));
        return new RunQuery(environments, policies, new FileAuditLog(state, Clock.systemUTC()));
    }

    @Test
    void aSelectReturnsRowsUpToTheLimitAndIsAudited() {
        RunQuery.Result r = runQuery(null).run("dev", "SELECT id, name FROM items ORDER BY id", 10, AGENT);
        assertThat(r.columns()).containsExactly("id", "name");
        assertThat(r.rows()).hasSize(10);
        assertThat(r.rows().get(0)).containsExactly("1", "item 1");
        assertThat(r.truncated()).isTrue();
        assertThat(runQuery(null).run("dev", "SELECT count(*) FROM items", null, AGENT).truncated()).isFalse();
        assertThat(new FileAuditLog(state, Clock.systemUTC()).export()).anySatisfy(l -> assertThat(l).contains("\"event\":\"query.run\"").contains("\"rows\":10"));
    }

    @Test
    void productionIsNotReadUnlessItsPolicySaysSo() {
        assertThatThrownBy(() -> runQuery(null).run("prod", "SELECT 1", null, AGENT)).hasMessageContaining("does not allow run_query");
        RunQuery allowed = runQuery("schemaguard-policy: 1\nenvironments:\n  - match: {protection: [production]}\n    run-query: allow\n");
        assertThat(allowed.run("prod", "SELECT 1 AS one", null, AGENT).rows()).containsExactly(List.of("1"));
    }

    @Test
    void aFunctionThatWritesFailsInTheReadOnlyTransaction() {
        assertThatThrownBy(() -> runQuery(null).run("dev", "SELECT sneaky()", null, AGENT))
                .hasMessageContaining("read-only transaction");
        assertThat(runQuery(null).run("dev", "SELECT count(*) FROM log", null, AGENT).rows()).containsExactly(List.of("0"));
    }

    @Test
    void somethingOtherThanAReadIsRefusedBeforeItReachesTheDatabase() {
        assertThatThrownBy(() -> runQuery(null).run("dev", "DELETE FROM items", null, AGENT)).hasMessageContaining("apply_migration");
        assertThatThrownBy(() -> runQuery(null).run("dev", "SELECT 1", 5000, AGENT)).hasMessageContaining("max_rows must be between 1 and 1000");
        assertThat(runQuery(null).run("dev", "SELECT count(*) FROM items", null, AGENT).rows()).containsExactly(List.of("50"));
        assertThat(new FileAuditLog(state, Clock.systemUTC()).export()).anySatisfy(l -> assertThat(l).contains("query.refused"));
    }
}
