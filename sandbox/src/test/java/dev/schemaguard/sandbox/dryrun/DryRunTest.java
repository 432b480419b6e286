package dev.schemaguard.sandbox.dryrun;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.demo.DemoEnvironment;
import dev.schemaguard.tools.config.SampleMasking;
import dev.schemaguard.tools.config.SandboxSettings;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dry runs against a copy of the demo shop: the target is only read, the sandbox shows locks, rewrites and errors. */
@Tag("database")
class DryRunTest {

    private static DemoEnvironment demo;
    private static Sandboxes sandboxes;
    private static DryRun dryRun;

    @BeforeAll
    static void start() {
        demo = DemoEnvironment.start();
        sandboxes = Sandboxes.embedded();
        dryRun = new DryRun(new JdbcEnvironments(demo.environments()), sandboxes);
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        demo.close();
    }

    private static DryRunReport run(String sql, boolean inTransaction) {
        return dryRun.run("dev", List.of(new MigrationUnit("V9__x.sql", 1, sql, inTransaction, "flyway", "up")));
    }

    @Test
    void aGoodMigrationRunsAndReportsLocksRewritesAndTheSchemaDiff() throws Exception {
        DryRunReport report = run("""
                ALTER TABLE shop.orders ADD COLUMN channel text;
                ALTER TABLE shop.orders ALTER COLUMN note TYPE varchar(500);
                CREATE INDEX orders_channel_idx ON shop.orders (channel);
                """, true);
        assertThat(report.verdict()).isEqualTo("ok");
        assertThat(report.cloneDifferences()).as("the copy is faithful").isEmpty();
        assertThat(report.statements())
                .extracting(DryRunReport.StatementResult::status)
                .containsExactly("ok", "ok", "ok");
        assertThat(report.statements().get(0).locks())
                .contains(new DryRunReport.LockTaken("shop.orders", "ACCESS EXCLUSIVE", "reads and writes"));
        assertThat(report.statements().get(0).rewritten()).isEmpty();
        assertThat(report.statements().get(1).rewritten()).contains("shop.orders");
        assertThat(report.statements().get(2).locks())
                .extracting(DryRunReport.LockTaken::relation)
                .as("shop.orders is already locked by this transaction; the new index is")
                .containsExactly("shop.orders_channel_idx");
        assertThat(report.schemaChanges().added())
                .anySatisfy(s -> assertThat(s).startsWith("CREATE INDEX orders_channel_idx"))
                .anySatisfy(s -> assertThat(s).contains("channel text").contains("note character varying(500)"));
        String text = report.toText();
        assertThat(text)
                .as(text)
                .contains("  ~ CREATE TABLE shop.orders\n")
                .containsPattern("      \\+ channel text")
                .containsPattern("      - note text")
                .containsPattern("      \\+ note character varying\\(500\\)")
                .contains("  + CREATE INDEX orders_channel_idx ON shop.orders USING btree (channel)");
        assertThat(text.lines()
                        .filter(l -> l.contains("CREATE TABLE shop.orders"))
                        .count())
                .as("the table is shown once")
                .isEqualTo(1);
        try (Connection c = demo.server().connect("shop_dev");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'shop' AND column_name = 'channel'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the target is untouched").isZero();
        }
    }

    @Test
    void aFailingStatementIsReportedWithSqlStateAndLineAndStopsTheRest() {
        DryRunReport report = run("""
                ALTER TABLE shop.orders ADD COLUMN channel text;

                ALTER TABLE shop.orders
                  ADD COLUMN broken no_such_type;
                DROP TABLE shop.carts;
                """, true);
        assertThat(report.verdict()).isEqualTo("failed");
        assertThat(report.statements())
                .extracting(DryRunReport.StatementResult::status)
                .containsExactly("ok", "error", "not-run");
        DryRunReport.Error error = report.statements().get(1).error();
        assertThat(error.sqlState()).isEqualTo("42704");
        assertThat(error.message()).contains("no_such_type");
        assertThat(error.line()).isEqualTo(4);
        assertThat(report.schemaChanges().added())
                .as("the transaction rolled back")
                .isEmpty();
    }

    @Test
    void aStatementThatChangesHowTheNextIsReadOrWhoRunsItFailsTheDryRunByWhatItChanged() {
        DryRunReport report = run("""
                SELECT pg_catalog.set_config('search_path', 'pg_temp, shop', false);
                CREATE TABLE orders_copy (id int);
                """, true);
        assertThat(report.verdict()).isEqualTo("failed");
        assertThat(report.statements())
                .extracting(DryRunReport.StatementResult::status)
                .containsExactly("error", "not-run");
        assertThat(report.statements().get(0).error().sqlState()).isEqualTo("SG003");
        assertThat(report.statements().get(0).error().message()).contains("search_path changed");
        assertThat(report.schemaChanges().added()).isEmpty();
        assertThat(run("SET lock_timeout = '3s';\nALTER TABLE shop.orders ADD COLUMN channel text;", true)
                        .verdict())
                .as("a timeout set tighter is fine")
                .isEqualTo("ok");
    }

    private static DryRunReport sampled(String sql, boolean inTransaction) {
        return dryRun.run(
                "dev",
                List.of(new MigrationUnit("V9__x.sql", 1, sql, inTransaction, "flyway", "up")),
                50,
                dev.schemaguard.tools.ProgressListener.NONE);
    }

    @Test
    void whatAStatementDidIsObservedWhateverItsTextSays() {
        DryRunReport report = sampled("""
                CREATE FUNCTION shop.tidy() RETURNS int LANGUAGE plpgsql AS $$
                  BEGIN DELETE FROM shop.reviews; EXECUTE 'DROP TABLE shop.coupons'; RETURN 1; END $$;
                SELECT shop.tidy();
                WITH gone AS (DELETE FROM shop.cart_items RETURNING 1) SELECT count(*) FROM gone;
                CREATE VIEW shop.category_names AS SELECT id, name FROM shop.categories;
                UPDATE shop.category_names SET name = name WHERE false;
                """, true);
        assertThat(report.verdict()).as(report.toText()).isEqualTo("ok");
        StatementEffects select = report.statements().get(1).effects();
        assertThat(select.dropped()).contains("table shop.coupons");
        assertThat(select.rows()).anySatisfy(r -> {
            assertThat(r.table()).isEqualTo("shop.reviews");
            assertThat(r.deleted()).isPositive();
        });
        assertThat(select.functions()).contains("shop.tidy()");
        assertThat(report.statements().get(2).effects().writeTargets()).containsExactly("delete shop.cart_items");
        assertThat(report.statements().get(4).effects().writeTargets())
                .as("through the updatable view")
                .containsExactly("update shop.categories");
        assertThat(report.toText()).contains("effects: ").contains("dropped table shop.coupons");
        assertThat(report.schemaChanges().added())
                .as("the recorder leaves no trace in the diff")
                .noneMatch(a -> a.contains(EffectsRecorder.SCHEMA));
        assertThat(report.schemaChanges().removed()).noneMatch(a -> a.contains(EffectsRecorder.SCHEMA));
    }

    @Test
    void aStatementThatCannotRunInATransactionStillRunsAndItsDdlIsObserved() {
        DryRunReport report = run(
                "CREATE INDEX CONCURRENTLY orders_note_idx ON shop.orders (note);\nDELETE FROM shop.carts WHERE false;",
                false);
        assertThat(report.verdict()).as(report.toText()).isEqualTo("ok");
        assertThat(report.statements().get(0).effects().ddl()).containsExactly("CREATE INDEX shop.orders_note_idx");
        assertThat(report.statements().get(0).effects().observed()).isFalse();
        assertThat(report.statements().get(1).effects().observed()).isTrue();
        assertThat(report.statements().get(1).effects().writeTargets()).containsExactly("delete shop.carts");
    }

    /** PostgreSQL's documented lock level for each statement kind (Explicit Locking, and each command's page). */
    @ParameterizedTest(name = "{0} takes {2} on {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ALTER TABLE shop.orders ADD COLUMN channel text                                  | shop.orders      | ACCESS EXCLUSIVE",
                "ALTER TABLE shop.orders ALTER COLUMN note SET DEFAULT ''                         | shop.orders      | ACCESS EXCLUSIVE",
                "CREATE INDEX orders_note_idx ON shop.orders (note)                               | shop.orders      | SHARE",
                "ALTER TABLE shop.orders ADD CONSTRAINT o_c_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (id) NOT VALID | shop.customers | SHARE ROW EXCLUSIVE",
                "ALTER TABLE shop.reviews VALIDATE CONSTRAINT reviews_rating_range                | shop.reviews     | SHARE UPDATE EXCLUSIVE",
                "ALTER TABLE shop.orders ALTER COLUMN note SET STATISTICS 500                     | shop.orders      | SHARE UPDATE EXCLUSIVE",
                "CREATE TRIGGER t BEFORE UPDATE ON shop.categories FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at() | shop.categories | SHARE ROW EXCLUSIVE",
                "UPDATE shop.orders SET note = 'x' WHERE id = 1                                   | shop.orders      | ROW EXCLUSIVE",
                "SELECT count(*) FROM shop.orders                                                 | shop.orders      | ACCESS SHARE",
                "TRUNCATE shop.carts CASCADE                                                      | shop.carts       | ACCESS EXCLUSIVE",
                "REFRESH MATERIALIZED VIEW shop.product_sales                                     | shop.product_sales | ACCESS EXCLUSIVE",
                "COMMENT ON TABLE shop.orders IS 'x'                                              | shop.orders      | SHARE UPDATE EXCLUSIVE"
            })
    void observedLocksMatchPostgresDocumentation(String sql, String relation, String mode) {
        DryRunReport report = run(sql + ";", true);
        assertThat(report.verdict()).as(report.toText()).isEqualTo("ok");
        assertThat(report.statements().get(0).locks()).as(report.toText()).anySatisfy(l -> {
            assertThat(l.relation()).isEqualTo(relation);
            assertThat(l.mode()).isEqualTo(mode);
        });
    }

    @Test
    void rewritesAreSeenWhereTheLinterSaysTheyHappen() {
        DryRunReport report = run("""
                ALTER TABLE shop.orders ADD COLUMN a integer NOT NULL DEFAULT 0;
                ALTER TABLE shop.orders ADD COLUMN b double precision DEFAULT random();
                """, true);
        assertThat(report.statements().get(0).rewritten())
                .as("a constant default is stored in the catalog")
                .isEmpty();
        assertThat(report.statements().get(1).rewritten())
                .as("a volatile default fills every row")
                .contains("shop.orders");
    }

    @Test
    void aDataSampleShowsDataDependentFailuresAndMasksPersonalData() {
        List<MigrationUnit> setNotNull = List.of(new MigrationUnit(
                "V9__x.sql", 1, "ALTER TABLE shop.orders ALTER COLUMN note SET NOT NULL;", true, "flyway", "up"));
        assertThat(dryRun.run("dev", setNotNull).verdict())
                .as("no rows, no NULLs")
                .isEqualTo("ok");
        DryRunReport sampled = dryRun.run("dev", setNotNull, 200, dev.schemaguard.tools.ProgressListener.NONE);
        assertThat(sampled.verdict()).isEqualTo("failed");
        assertThat(sampled.statements().get(0).error().sqlState()).isEqualTo("23502");
        assertThat(sampled.note()).contains("200 rows per table");
        DryRunReport masked = dryRun.run(
                "dev",
                List.of(new MigrationUnit("V9__check.sql", 1, """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM shop.customers) THEN RAISE EXCEPTION 'no sample rows'; END IF;
                  IF EXISTS (SELECT 1 FROM shop.customers WHERE email::text NOT LIKE '%@example.invalid') THEN RAISE EXCEPTION 'e-mail not masked'; END IF;
                  IF EXISTS (SELECT 1 FROM shop.customers WHERE full_name NOT LIKE 'x%') THEN RAISE EXCEPTION 'name not masked'; END IF;
                END $$;
                """, true, "flyway", "up")),
                200,
                dev.schemaguard.tools.ProgressListener.NONE);
        assertThat(masked.verdict()).as(masked.toText()).isEqualTo("ok");
    }

    @Test
    void aDataSampleKeepsItsForeignKeysSoAddingThemAgainSucceedsAsOnTheTarget() {
        DryRunReport report = dryRun.run(
                "dev",
                List.of(new MigrationUnit("V9__fks.sql", 1, """
                DO $$ DECLARE fk record; BEGIN
                  IF NOT EXISTS (SELECT 1 FROM shop.order_lines) OR NOT EXISTS (SELECT 1 FROM shop.reviews) THEN
                    RAISE EXCEPTION 'child tables have no sample rows';
                  END IF;
                  FOR fk IN SELECT conrelid::regclass AS child, conname, pg_get_constraintdef(oid) AS def
                            FROM pg_constraint WHERE contype = 'f' AND conparentid = 0 LOOP
                    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.child, fk.conname);
                    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.child, fk.conname, fk.def);
                  END LOOP;
                END $$;
                """, true, "flyway", "up")),
                3,
                dev.schemaguard.tools.ProgressListener.NONE);
        assertThat(report.verdict()).as(report.toText()).isEqualTo("ok");
    }

    @Test
    void configuredMaskingHidesMoreKeepsWhatItIsToldAndRefusesWhatItCannotHide() {
        try (Sandboxes configured = Sandboxes.from(new SandboxSettings(
                null,
                null,
                new SampleMasking(
                        List.of("shop.products.sku", "shop.orders.shipping_address_id"),
                        List.of("shop.customers.email"))))) {
            DryRun masked = new DryRun(new JdbcEnvironments(demo.environments()), configured);
            DryRunReport report = masked.run(
                    "dev",
                    List.of(new MigrationUnit("V9__check.sql", 1, """
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM shop.products) THEN RAISE EXCEPTION 'no sample rows'; END IF;
                      IF EXISTS (SELECT 1 FROM shop.products WHERE sku NOT LIKE 'x%') THEN RAISE EXCEPTION 'sku not masked'; END IF;
                      IF EXISTS (SELECT 1 FROM shop.orders WHERE shipping_address_id IS NOT NULL) THEN RAISE EXCEPTION 'bigint not emptied'; END IF;
                      IF NOT EXISTS (SELECT 1 FROM shop.customers WHERE email::text NOT LIKE '%@example.invalid') THEN RAISE EXCEPTION 'kept e-mail masked'; END IF;
                      IF EXISTS (SELECT 1 FROM shop.customers WHERE full_name NOT LIKE 'x%') THEN RAISE EXCEPTION 'built-in masking lost'; END IF;
                    END $$;
                    """, true, "flyway", "up")),
                    50,
                    dev.schemaguard.tools.ProgressListener.NONE);
            assertThat(report.verdict()).as(report.toText()).isEqualTo("ok");
        }
        try (Sandboxes impossible = Sandboxes.from(
                new SandboxSettings(null, null, new SampleMasking(List.of("shop.orders.total_cents"), List.of())))) {
            DryRun refused = new DryRun(new JdbcEnvironments(demo.environments()), impossible);
            assertThatThrownBy(() -> refused.run(
                            "dev",
                            List.of(new MigrationUnit("V9__x.sql", 1, "SELECT 1;", true, "flyway", "up")),
                            5,
                            dev.schemaguard.tools.ProgressListener.NONE))
                    .hasMessageContaining("shop.orders.total_cents (integer) is to be masked")
                    .hasMessageContaining("NOT NULL");
        }
    }

    @Test
    void aRoleTheMigrationCreatesGoesWithTheSandboxSoTheNextRunCanCreateItAgain() {
        String migration =
                "CREATE ROLE sg_dry_run_reporting NOLOGIN;\nGRANT SELECT ON shop.orders TO sg_dry_run_reporting;\n";
        assertThat(run(migration, true).verdict()).isEqualTo("ok");
        assertThat(run(migration, true).verdict())
                .as("not 'role already exists'")
                .isEqualTo("ok");
    }

    @Test
    void eachRunGetsAFreshFaithfulCopy() {
        DryRunReport first = run("CREATE TABLE shop.scratch (id bigint PRIMARY KEY);", true);
        DryRunReport second = run("CREATE TABLE shop.scratch (id bigint PRIMARY KEY);", true);
        assertThat(second.verdict())
                .as("the first run's table is not in the second run's copy")
                .isEqualTo("ok");
        assertThat(second.cloneDifferences()).isEmpty();
        assertThat(first.sandbox()).startsWith("embedded PostgreSQL");
    }
}
