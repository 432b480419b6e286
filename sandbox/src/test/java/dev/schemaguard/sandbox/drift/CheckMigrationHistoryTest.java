package dev.schemaguard.sandbox.drift;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.fixtures.TargetDatabases;
import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.drift.history.MigrationHistoryReport;
import liquibase.command.CommandScope;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Is production what our migrations say it is?", on history tables written by the tools themselves: Flyway and
 * Liquibase run for real; the others' tables made and filled with the tool's own SQL. Each test then changes what a
 * team changes by mistake — a file edited after it ran, a file not yet applied, a column added by hand — and requires
 * each to be named, and nothing else.
 */
@Tag("database")
class CheckMigrationHistoryTest {

    static TargetDatabases targets;
    static Sandboxes sandboxes;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        targets = new TargetDatabases()
                .load("fly", "SELECT 1")
                .load("lb", "SELECT 1")
                .load("gm", "SELECT 1")
                .load("goose", "SELECT 1")
                .load("dbmate", "SELECT 1")
                .load("diesel", "SELECT 1")
                .load("prisma", "SELECT 1")
                .load("sqitch", "SELECT 1")
                .load("alembic", "SELECT 1")
                .load("rails", "SELECT 1");
        sandboxes = Sandboxes.embedded();
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        targets.close();
    }

    private MigrationHistoryReport check(String environment, Path migrations) {
        return new CheckMigrationHistory(targets.environments(), sandboxes)
                .check(environment, List.of(migrations.toString()), null, true, ProgressListener.NONE);
    }

    private static Map<String, String> states(MigrationHistoryReport report) {
        return report.migrations().stream()
                .collect(Collectors.toMap(
                        MigrationHistoryReport.Entry::migration,
                        MigrationHistoryReport.Entry::state,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private static void run(String environment, String sql) throws Exception {
        try (Connection c = targets.connect(environment);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void flywaysOwnHistoryEditedPendingAndAHandMadeColumnAreEachNamed() throws Exception {
        Files.writeString(
                dir.resolve("V1__create_account.sql"),
                "CREATE TABLE account (id bigint PRIMARY KEY, email text NOT NULL);\r\n");
        Files.writeString(dir.resolve("V1_1__add_name.sql"), "\uFEFFALTER TABLE account ADD COLUMN name text;\n");
        Files.writeString(
                dir.resolve("R__account_view.sql"),
                "CREATE OR REPLACE VIEW account_names AS SELECT id, name FROM account;\n");
        Flyway.configure()
                .dataSource(targets.jdbcUrl("fly"), "postgres", targets.password())
                .locations("filesystem:" + dir)
                .load()
                .migrate();

        MigrationHistoryReport clean = check("fly", dir);
        assertThat(states(clean))
                .as(clean.toText())
                .containsExactly(
                        Map.entry("V1", "applied"),
                        Map.entry("V1.1", "applied"),
                        Map.entry("R:account view", "applied"));
        assertThat(clean.replay().status()).as(clean.toText()).isEqualTo("matches");
        assertThat(clean.consistent()).isTrue();

        Files.writeString(
                dir.resolve("V1__create_account.sql"), "CREATE TABLE account (id bigint PRIMARY KEY, email text);\n");
        Files.writeString(dir.resolve("V2__add_plan.sql"), "ALTER TABLE account ADD COLUMN plan text;\n");
        run("fly", "ALTER TABLE account ADD COLUMN added_by_hand int");

        MigrationHistoryReport drifted = check("fly", dir);
        assertThat(states(drifted))
                .as(drifted.toText())
                .containsExactly(
                        Map.entry("V1", "edited"),
                        Map.entry("V1.1", "applied"),
                        Map.entry("V2", "pending"),
                        Map.entry("R:account view", "applied"));
        assertThat(drifted.replay().status()).isEqualTo("differs");
        assertThat(drifted.replay().differences())
                .as(drifted.toText())
                .singleElement()
                .satisfies(d -> assertThat(d.object()).isEqualTo("public.account"))
                .satisfies(d -> assertThat(String.join(" ", d.second()))
                        .contains("added_by_hand")
                        .contains("email text NOT NULL"));
        assertThat(drifted.consistent()).isFalse();
    }

    @Test
    void liquibasesOwnHistoryPairsChangesetsByIdAuthorAndFile() throws Exception {
        Files.writeString(dir.resolve("changelog.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="1" author="ana">
                    <createTable tableName="invoice">
                      <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                      <column name="total" type="numeric(12,2)"/>
                    </createTable>
                  </changeSet>
                  <include file="more.sql" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        Files.writeString(dir.resolve("more.sql"), """
                --liquibase formatted sql
                --changeset bo:2
                ALTER TABLE invoice ADD COLUMN paid boolean NOT NULL DEFAULT false;
                """);
        liquibaseUpdate("lb", dir.resolve("changelog.xml"));

        MigrationHistoryReport clean = check("lb", dir.resolve("changelog.xml"));
        assertThat(states(clean))
                .as(clean.toText())
                .containsExactly(
                        Map.entry("1::ana::changelog.xml", "applied"), Map.entry("2::bo::more.sql", "applied"));
        assertThat(clean.replay().status()).as(clean.toText()).isEqualTo("matches");

        Files.writeString(dir.resolve("more.sql"), """
                --liquibase formatted sql
                --changeset bo:2
                ALTER TABLE invoice ADD COLUMN paid boolean NOT NULL DEFAULT false;
                --changeset bo:3
                CREATE INDEX invoice_paid ON invoice (paid);
                """);
        MigrationHistoryReport pending = check("lb", dir.resolve("changelog.xml"));
        assertThat(states(pending))
                .as(pending.toText())
                .containsEntry("2::bo::more.sql", "applied")
                .containsEntry("3::bo::more.sql", "pending");
        assertThat(pending.replay().status()).isEqualTo("matches");

        Files.writeString(dir.resolve("more.sql"), """
                --liquibase formatted sql
                --changeset bo:2
                ALTER TABLE invoice ADD COLUMN paid boolean NOT NULL DEFAULT true;
                """);
        MigrationHistoryReport edited = check("lb", dir.resolve("changelog.xml"));
        assertThat(states(edited))
                .as("Liquibase's own checksum of the formatted-SQL changeset no longer matches")
                .containsEntry("2::bo::more.sql", "edited");
    }

    @Test
    void golangMigratesOneRowVersionAndDirtyFlag() throws Exception {
        Files.writeString(dir.resolve("1_create_item.up.sql"), "CREATE TABLE item (id int PRIMARY KEY);");
        Files.writeString(dir.resolve("1_create_item.down.sql"), "DROP TABLE item;");
        Files.writeString(dir.resolve("2_add_label.up.sql"), "ALTER TABLE item ADD COLUMN label text;");
        Files.writeString(dir.resolve("3_add_price.up.sql"), "ALTER TABLE item ADD COLUMN price numeric;");
        // golang-migrate's postgres driver: its table, then each migration and the version it reached
        run(
                "gm",
                "CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version bigint not null primary key, dirty boolean not null)");
        run(
                "gm",
                "CREATE TABLE item (id int PRIMARY KEY); ALTER TABLE item ADD COLUMN label text;"
                        + "TRUNCATE \"schema_migrations\"; INSERT INTO \"schema_migrations\" (version, dirty) VALUES (2, false)");

        MigrationHistoryReport report = check("gm", dir);
        assertThat(states(report))
                .as(report.toText())
                .containsExactly(Map.entry("1", "applied"), Map.entry("2", "applied"), Map.entry("3", "pending"));
        assertThat(report.replay().status()).as(report.toText()).isEqualTo("matches");

        run("gm", "UPDATE \"schema_migrations\" SET dirty = true");
        assertThat(states(check("gm", dir))).containsEntry("2", "failed");
    }

    @Test
    void gooseRowsOfApplyAndRollbackLeaveTheLatestStanding() throws Exception {
        Files.writeString(
                dir.resolve("00001_create_job.sql"),
                "-- +goose Up\nCREATE TABLE job (id int);\n-- +goose Down\nDROP TABLE job;\n");
        Files.writeString(dir.resolve("00002_add_state.sql"), "-- +goose Up\nALTER TABLE job ADD COLUMN state text;\n");
        run(
                "goose",
                "CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL, "
                        + "tstamp timestamp NOT NULL DEFAULT now(), PRIMARY KEY(id))");
        run(
                "goose",
                "INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true); CREATE TABLE job (id int); "
                        + "INSERT INTO goose_db_version (version_id, is_applied) VALUES (1, true); ALTER TABLE job ADD COLUMN state text; "
                        + "INSERT INTO goose_db_version (version_id, is_applied) VALUES (2, true); ALTER TABLE job DROP COLUMN state; "
                        + "INSERT INTO goose_db_version (version_id, is_applied) VALUES (2, false)");

        MigrationHistoryReport report = check("goose", dir);
        assertThat(states(report))
                .as(report.toText())
                .containsExactly(Map.entry("1", "applied"), Map.entry("2", "pending"));
        assertThat(report.replay().status()).as(report.toText()).isEqualTo("matches");
    }

    @Test
    void dbmateVersionsAndAnAppliedMigrationWhoseFileIsGone() throws Exception {
        Files.writeString(
                dir.resolve("20240101120000_create_note.sql"),
                "-- migrate:up\nCREATE TABLE note (id int);\n-- migrate:down\nDROP TABLE note;\n");
        run(
                "dbmate",
                "CREATE TABLE IF NOT EXISTS public.schema_migrations (version character varying(128) NOT NULL PRIMARY KEY)");
        run(
                "dbmate",
                "CREATE TABLE note (id int); INSERT INTO public.schema_migrations (version) VALUES ('20240101120000'), ('20240102090000')");

        MigrationHistoryReport report = check("dbmate", dir);
        assertThat(states(report))
                .as(report.toText())
                .containsExactly(
                        Map.entry("20240101120000", "applied"), Map.entry("20240102090000", "applied-without-file"));
        assertThat(report.consistent()).isFalse();
    }

    @Test
    void dieselDirectoryNamesAreRecordedWithoutDashes() throws Exception {
        Path up = Files.createDirectories(dir.resolve("2024-01-01-120000_create_post"));
        Files.writeString(up.resolve("up.sql"), "CREATE TABLE post (id serial PRIMARY KEY, title text NOT NULL);");
        Files.writeString(up.resolve("down.sql"), "DROP TABLE post;");
        Path next = Files.createDirectories(dir.resolve("2024-02-01-120000_add_body"));
        Files.writeString(next.resolve("up.sql"), "ALTER TABLE post ADD COLUMN body text;");
        run(
                "diesel",
                "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, "
                        + "run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        run(
                "diesel",
                "CREATE TABLE post (id serial PRIMARY KEY, title text NOT NULL); "
                        + "INSERT INTO __diesel_schema_migrations (version) VALUES ('20240101120000')");

        MigrationHistoryReport report = check("diesel", dir);
        assertThat(states(report))
                .as(report.toText())
                .containsExactly(Map.entry("20240101120000", "applied"), Map.entry("20240201120000", "pending"));
        assertThat(report.replay().status()).as(report.toText()).isEqualTo("matches");
    }

    @Test
    void prismaChecksumsShowAMigrationEditedAfterItRan() throws Exception {
        Path init = Files.createDirectories(dir.resolve("20240101120000_init"));
        Files.writeString(
                init.resolve("migration.sql"),
                "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n");
        String checksum = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(init.resolve("migration.sql"))));
        run("prisma", """
                CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
                "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
                "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)""");
        run(
                "prisma",
                "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\")); "
                        + "INSERT INTO \"_prisma_migrations\" (id, checksum, finished_at, migration_name, applied_steps_count) "
                        + "VALUES ('5c1e', '" + checksum + "', now(), '20240101120000_init', 1)");
        MigrationHistoryReport clean = check("prisma", dir);
        assertThat(states(clean)).as(clean.toText()).containsExactly(Map.entry("20240101120000_init", "applied"));
        assertThat(clean.replay().status()).as(clean.toText()).isEqualTo("matches");

        Files.writeString(init.resolve("migration.sql"), "CREATE TABLE \"User\" (\"id\" BIGSERIAL NOT NULL);\n");
        MigrationHistoryReport edited = check("prisma", dir);
        assertThat(states(edited)).containsExactly(Map.entry("20240101120000_init", "edited"));
        assertThat(edited.replay().status())
                .as("the edited file no longer produces the live table")
                .isEqualTo("differs");
    }

    @Test
    void sqitchChangesByNameWithTheirScriptHashes() throws Exception {
        Files.writeString(
                dir.resolve("sqitch.plan"),
                "%syntax-version=1.0.0\n%project=shop\n\n"
                        + "customers 2024-01-01T00:00:00Z Ana <ana@example.org> # customers\n"
                        + "orders [customers] 2024-01-02T00:00:00Z Ana <ana@example.org> # orders\n");
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(
                dir.resolve("deploy/customers.sql"), "BEGIN;\nCREATE TABLE customers (id int PRIMARY KEY);\nCOMMIT;\n");
        Files.writeString(
                dir.resolve("deploy/orders.sql"),
                "BEGIN;\nCREATE TABLE orders (id int, customer int REFERENCES customers);\nCOMMIT;\n");
        String hash = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-1")
                        .digest(Files.readAllBytes(dir.resolve("deploy/customers.sql"))));
        run("sqitch", SQITCH_REGISTRY);
        run(
                "sqitch",
                "CREATE TABLE customers (id int PRIMARY KEY); INSERT INTO sqitch.projects (project, uri, creator_name, creator_email) "
                        + "VALUES ('shop', NULL, 'Ana', 'ana@example.org'); INSERT INTO sqitch.changes (change_id, script_hash, change, project, "
                        + "note, committer_name, committer_email, planned_at, planner_name, planner_email) VALUES ('c1', '"
                        + hash
                        + "', 'customers', 'shop', 'customers', 'Ana', 'ana@example.org', now(), 'Ana', 'ana@example.org')");
        // one registry holds every project deployed to the database: another project's changes are not this plan's
        run(
                "sqitch",
                "INSERT INTO sqitch.projects (project, uri, creator_name, creator_email) VALUES ('billing', NULL, 'Bo', "
                        + "'bo@example.org'); INSERT INTO sqitch.changes (change_id, script_hash, change, project, note, "
                        + "committer_name, committer_email, planned_at, planner_name, planner_email) VALUES ('b1', 'x', "
                        + "'invoices', 'billing', '', 'Bo', 'bo@example.org', now(), 'Bo', 'bo@example.org')");

        MigrationHistoryReport report = check("sqitch", dir);
        assertThat(states(report))
                .as(report.toText())
                .containsExactly(Map.entry("customers", "applied"), Map.entry("orders", "pending"));
        assertThat(report.replay().status()).as(report.toText()).isEqualTo("matches");
    }

    @Test
    void alembicHeadsMakeEveryRevisionBelowThemApplied() throws Exception {
        Files.writeString(
                dir.resolve("a1_create.py"), "revision = 'a1'\ndown_revision = None\n\ndef upgrade():\n    pass\n");
        Files.writeString(
                dir.resolve("b2_more.py"), "revision = 'b2'\ndown_revision = 'a1'\n\ndef upgrade():\n    pass\n");
        Files.writeString(
                dir.resolve("c3_last.py"),
                "revision: str = 'c3'\ndown_revision: Union[str, None] = 'b2'\n\ndef upgrade():\n    pass\n");
        run(
                "alembic",
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
        run("alembic", "INSERT INTO alembic_version (version_num) VALUES ('b2')");

        MigrationHistoryReport report = check("alembic", dir);
        assertThat(states(report))
                .as(report.toText())
                .containsExactly(Map.entry("a1", "applied"), Map.entry("b2", "applied"), Map.entry("c3", "pending"));
        assertThat(report.replay().status()).isEqualTo("not-replayed");
    }

    @Test
    void railsVersionsFromTheMigrationFileNames() throws Exception {
        Files.writeString(
                dir.resolve("20240101120000_create_users.rb"),
                "class CreateUsers < ActiveRecord::Migration[7.1]\nend\n");
        Files.writeString(
                dir.resolve("20240201120000_add_email.rb"), "class AddEmail < ActiveRecord::Migration[7.1]\nend\n");
        run(
                "rails",
                "CREATE TABLE \"schema_migrations\" (\"version\" character varying NOT NULL PRIMARY KEY); "
                        + "CREATE TABLE \"ar_internal_metadata\" (\"key\" character varying NOT NULL PRIMARY KEY, \"value\" character varying, "
                        + "\"created_at\" timestamp(6) NOT NULL, \"updated_at\" timestamp(6) NOT NULL); "
                        + "INSERT INTO \"schema_migrations\" (\"version\") VALUES ('20240101120000')");

        MigrationHistoryReport report = check("rails", dir);
        assertThat(states(report))
                .as(report.toText())
                .containsExactly(Map.entry("20240101120000", "applied"), Map.entry("20240201120000", "pending"));
    }

    /** sqitch's PostgreSQL registry (sqitch/lib/App/Sqitch/Engine/pg.sql), its projects and changes tables. */
    private static final String SQITCH_REGISTRY = """
            CREATE SCHEMA sqitch;
            CREATE TABLE sqitch.projects (
                project         TEXT        PRIMARY KEY,
                uri             TEXT            NULL UNIQUE,
                created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                creator_name    TEXT        NOT NULL,
                creator_email   TEXT        NOT NULL
            );
            CREATE TABLE sqitch.changes (
                change_id       TEXT        PRIMARY KEY,
                script_hash     TEXT            NULL,
                change          TEXT        NOT NULL,
                project         TEXT        NOT NULL REFERENCES sqitch.projects(project) ON UPDATE CASCADE,
                note            TEXT        NOT NULL DEFAULT '',
                committed_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                committer_name  TEXT        NOT NULL,
                committer_email TEXT        NOT NULL,
                planned_at      TIMESTAMPTZ NOT NULL,
                planner_name    TEXT        NOT NULL,
                planner_email   TEXT        NOT NULL,
                UNIQUE(project, script_hash)
            );
            """;

    private static void liquibaseUpdate(String environment, Path changelog) throws Exception {
        liquibase.Scope.child(
                liquibase.Scope.Attr.resourceAccessor.name(),
                new liquibase.resource.DirectoryResourceAccessor(changelog.getParent()),
                () -> new CommandScope("update")
                        .addArgumentValue("url", targets.jdbcUrl(environment))
                        .addArgumentValue("username", "postgres")
                        .addArgumentValue("password", targets.password())
                        .addArgumentValue(
                                "changelogFile", changelog.getFileName().toString())
                        .execute());
    }
}
