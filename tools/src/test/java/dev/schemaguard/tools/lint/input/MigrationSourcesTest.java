package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MigrationSourcesTest {

    @TempDir
    Path dir;

    @Test
    void flywayRunsVersionsNumericallyThenRepeatablesThenUndoHighestFirst() throws IOException {
        for (String name : List.of(
                "V2__two.sql",
                "V1_10__ten.sql",
                "R__b.sql",
                "V1__one.sql",
                "U2__two.sql",
                "V1_9__nine.sql",
                "R__a.sql",
                "V1.1__one_one.sql",
                "U1__one.sql",
                "notes.txt")) {
            write(name, "select 1;\n");
        }

        List<MigrationUnit> units = read(dir);

        assertThat(units)
                .extracting(u -> Path.of(u.file()).getFileName().toString(), MigrationUnit::role)
                .containsExactly(
                        tuple("V1__one.sql", "up"),
                        tuple("V1.1__one_one.sql", "up"),
                        tuple("V1_9__nine.sql", "up"),
                        tuple("V1_10__ten.sql", "up"),
                        tuple("V2__two.sql", "up"),
                        tuple("R__a.sql", "repeatable"),
                        tuple("R__b.sql", "repeatable"),
                        tuple("U2__two.sql", "undo"),
                        tuple("U1__one.sql", "undo"));
        assertThat(units).allSatisfy(u -> {
            assertThat(u.tool()).isEqualTo("flyway");
            assertThat(u.inTransaction()).isTrue();
            assertThat(u.firstLine()).isEqualTo(1);
        });
    }

    @Test
    void flywaySidecarConfOrDirectiveTurnsTheTransactionOff() throws IOException {
        write("V1__tx.sql", "create table t (id int);\n");
        write("V2__index.sql", "create index concurrently i on t (id);\n");
        write("V2__index.sql.conf", "# no transaction for concurrent index builds\nexecuteInTransaction = false\n");
        write("V3__directive.sql", "--  Flyway:ExecuteInTransaction = FALSE\ncreate index concurrently j on t (id);\n");

        assertThat(read(dir)).extracting(MigrationUnit::inTransaction).containsExactly(true, false, false);
    }

    @Test
    void flywayDirectiveIsAWholeLineInAnyCaseAndSpacing() {
        assertThat(FlywayLayout.hasNoTransactionDirective("--flyway:executeInTransaction=false"))
                .isTrue();
        assertThat(FlywayLayout.hasNoTransactionDirective(
                        "select 1;\r\n\t-- FLYWAY : executeInTransaction = false \r\nselect 2;"))
                .isTrue();
        assertThat(FlywayLayout.hasNoTransactionDirective("select 1; -- flyway:executeInTransaction=false"))
                .isFalse();
        assertThat(FlywayLayout.hasNoTransactionDirective("-- flyway:executeInTransaction=false;"))
                .isFalse();
        assertThat(FlywayLayout.hasNoTransactionDirective("-- flyway:executeInTransaction=fals"))
                .isFalse();
        assertThat(FlywayLayout.hasNoTransactionDirective("-- flyway:executeInTransaction=true\n"))
                .isFalse();
        assertThat(FlywayLayout.hasNoTransactionDirective("-- not flyway:executeInTransaction=false\nx"))
                .isFalse();
        assertThat(FlywayLayout.hasNoTransactionDirective("")).isFalse();
    }

    @Test
    void flywayDirectoryRejectsOtherSqlFiles() throws IOException {
        write("V1__init.sql", "select 1;");
        write("init.sql", "select 1;");

        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("init.sql does not follow Flyway's naming (V<version>__<description>.sql");
    }

    @Test
    void golangMigrateRunsUpByVersionThenDownHighestFirst() throws IOException {
        for (String name :
                List.of("10_c.up.sql", "2_b.up.sql", "1_a.up.sql", "1_a.down.sql", "10_c.down.sql", "2_b.down.sql")) {
            write(name, "select 1;");
        }

        assertThat(read(dir))
                .extracting(u -> Path.of(u.file()).getFileName().toString(), MigrationUnit::role, MigrationUnit::tool)
                .containsExactly(
                        tuple("1_a.up.sql", "up", "golang-migrate"), tuple("2_b.up.sql", "up", "golang-migrate"),
                        tuple("10_c.up.sql", "up", "golang-migrate"), tuple("10_c.down.sql", "down", "golang-migrate"),
                        tuple("2_b.down.sql", "down", "golang-migrate"),
                                tuple("1_a.down.sql", "down", "golang-migrate"));
    }

    @Test
    void dbmateFileSplitsIntoUpAndDownWithTheirLinesAndTransactionOption() throws IOException {
        Path file = write("20240101120000_index.sql", """
                -- a comment before the marker
                -- migrate:up transaction:false
                create index concurrently i on t (id);

                -- migrate:down
                drop index concurrently i;
                """);

        List<MigrationUnit> units = read(file);

        assertThat(units)
                .extracting(
                        MigrationUnit::role,
                        MigrationUnit::firstLine,
                        MigrationUnit::inTransaction,
                        MigrationUnit::tool)
                .containsExactly(tuple("up", 3, false, "dbmate"), tuple("down", 6, true, "dbmate"));
        assertThat(units.get(0).sql()).isEqualTo("create index concurrently i on t (id);\n");
        assertThat(units.get(1).sql()).startsWith("drop index concurrently i;");
    }

    @Test
    void dbmateDirectoryRunsFilesByTimestampAndDownsLastFirst() throws IOException {
        write("20240201000000_b.sql", "-- migrate:up\nselect 2;\n-- migrate:down\nselect -2;\n");
        write("20240101000000_a.sql", "-- migrate:up\nselect 1;\n-- migrate:down\nselect -1;\n");

        assertThat(read(dir))
                .extracting(u -> u.sql().strip(), MigrationUnit::role)
                .containsExactly(
                        tuple("select 1;", "up"),
                        tuple("select 2;", "up"),
                        tuple("select -2;", "down"),
                        tuple("select -1;", "down"));
    }

    @Test
    void liquibaseFormattedSqlSplitsChangesetsAndRollbacks() throws IOException {
        Path file = write("changes.sql", """

                -- liquibase formatted sql

                --changeset alice:1
                --comment: creates the table
                create table t (id int);
                --rollback drop table t;

                -- changeset bob:2 runInTransaction:false
                create index concurrently i on t (id);
                --rollback drop index i;
                """);

        List<MigrationUnit> units = read(file);

        assertThat(units)
                .extracting(
                        MigrationUnit::role,
                        MigrationUnit::firstLine,
                        MigrationUnit::inTransaction,
                        MigrationUnit::tool)
                .containsExactly(
                        tuple("up", 5, true, "liquibase"), tuple("up", 10, false, "liquibase"),
                        tuple("rollback", 11, false, "liquibase"), tuple("rollback", 7, true, "liquibase"));
        List<String> firstUp = units.get(0).sql().lines().toList();
        assertThat(firstUp.get(0)).isBlank();
        assertThat(firstUp.get(1)).isEqualTo("create table t (id int);");
        assertThat(units.get(0).sql()).doesNotContain("rollback", "comment");
        assertThat(units.get(3).sql()).isEqualTo("drop table t;");
    }

    @Test
    void liquibaseXmlChangelogGeneratesPostgresSql() throws IOException {
        Path file = write("changelog.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                    <changeSet id="1" author="alice">
                        <createTable tableName="customer" schemaName="shop">
                            <column name="id" type="bigint" autoIncrement="true">
                                <constraints primaryKey="true"/>
                            </column>
                            <column name="email" type="varchar(255)">
                                <constraints nullable="false" unique="true"/>
                            </column>
                        </createTable>
                    </changeSet>
                    <changeSet id="2" author="alice"
                               runInTransaction="false">
                        <addColumn tableName="customer">
                            <column name="status" type="text" defaultValue="new">
                                <constraints nullable="false"/>
                            </column>
                        </addColumn>
                        <createIndex tableName="customer" indexName="customer_status_idx">
                            <column name="status"/>
                        </createIndex>
                        <addForeignKeyConstraint baseTableName="orders" baseColumnNames="customer_id"
                                constraintName="orders_customer_fk" referencedTableName="customer"
                                referencedColumnNames="id" onDelete="CASCADE"/>
                        <sql><![CDATA[update customer set status = 'old' where id < 10]]></sql>
                        <rollback><dropColumn tableName="customer" columnName="status"/></rollback>
                    </changeSet>
                </databaseChangeLog>
                """);

        List<MigrationUnit> units = read(file);

        assertThat(units)
                .extracting(
                        MigrationUnit::firstLine,
                        MigrationUnit::inTransaction,
                        MigrationUnit::role,
                        MigrationUnit::tool)
                .containsExactly(tuple(4, true, "up", "liquibase"), tuple(14, false, "up", "liquibase"));
        assertThat(units.get(0).sql()).isEqualTo("""
                CREATE TABLE shop.customer (
                    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    email varchar(255) NOT NULL UNIQUE
                );
                """);
        assertThat(units.get(1).sql()).isEqualTo("""
                ALTER TABLE customer ADD status text DEFAULT 'new' NOT NULL;
                CREATE INDEX customer_status_idx ON customer (status);
                ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE;
                update customer set status = 'old' where id < 10;
                """);
    }

    @Test
    void liquibaseYamlChangelogGeneratesPostgresSql() throws IOException {
        Path file = write("changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: alice
                      changes:
                        - addColumn:
                            tableName: customer
                            columns:
                              - column:
                                  name: active
                                  type: boolean
                                  defaultValueBoolean: true
                                  constraints:
                                    nullable: false
                  - changeSet:
                      id: 2
                      author: alice
                      runInTransaction: false
                      changes:
                        - dropColumn:
                            tableName: customer
                            columnName: legacy
                        - tagDatabase:
                            tag: v1
                """);

        List<MigrationUnit> units = read(file);

        assertThat(units)
                .extracting(MigrationUnit::firstLine, MigrationUnit::inTransaction)
                .containsExactly(tuple(2, true), tuple(15, false));
        assertThat(units.get(0).sql()).isEqualTo("ALTER TABLE customer ADD active boolean DEFAULT TRUE NOT NULL;\n");
        assertThat(units.get(1).sql()).isEqualTo("""
                ALTER TABLE customer DROP COLUMN legacy;
                -- liquibase change type tagDatabase is not translated
                """);
    }

    @Test
    void liquibaseMasterChangelogRunsItsIncludesOnceInADirectory() throws IOException {
        write("master.yaml", """
                databaseChangeLog:
                  - include:
                      file: 001-table.sql
                      relativeToChangelogFile: true
                  - include:
                      file: 002-view.xml
                      relativeToChangelogFile: true
                """);
        write("001-table.sql", "--liquibase formatted sql\n--changeset a:1\ncreate table t (id int);\n");
        write("002-view.xml", """
                <databaseChangeLog>
                  <changeSet id="v" author="a">
                    <createView viewName="v" replaceIfExists="true">select id from t</createView>
                    <sqlFile path="scripts/extra.sql" relativeToChangelogFile="true"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        Files.createDirectory(dir.resolve("scripts"));
        write("scripts/extra.sql", "grant select on v to reader");

        List<MigrationUnit> units = read(dir);

        assertThat(units)
                .extracting(u -> u.sql().strip())
                .containsExactly(
                        "create table t (id int);",
                        "CREATE OR REPLACE VIEW v AS select id from t;\ngrant select on v to reader;");
    }

    @Test
    void plainFilesRunByLeadingNumberWithTheAssumedTransaction() throws IOException {
        write("10-later.sql", "select 10;");
        write("2_second.sql", "select 2;");
        write("001_init.sql", "select 1;");

        List<MigrationUnit> units = MigrationSources.read(List.of(dir.toString()), false);

        assertThat(units)
                .extracting(MigrationUnit::sql, MigrationUnit::tool, MigrationUnit::role, MigrationUnit::inTransaction)
                .containsExactly(
                        tuple("select 1;", "plain", "up", false),
                        tuple("select 2;", "plain", "up", false),
                        tuple("select 10;", "plain", "up", false));
    }

    @Test
    void missingPathIsNamed() {
        String missing = dir.resolve("nope").toString();

        assertThatThrownBy(() -> MigrationSources.read(List.of(missing), true))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(missing);
    }

    @Test
    void nonMigrationFileIsRejected() throws IOException {
        Path file = write("README.md", "# hello");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Not a migration file")
                .hasMessageContaining("README.md")
                .hasMessageContaining("Only .sql, Liquibase .xml/.yaml/.yml are read");
    }

    @Test
    void malformedXmlNamesTheFileAndLine() throws IOException {
        Path file = write("broken.xml", "<databaseChangeLog>\n  <changeSet id=\"1\">\n</databaseChangeLog>\n");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("broken.xml:3")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void xmlWithDoctypeIsRefused() throws IOException {
        Path file = write("evil.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <databaseChangeLog><changeSet id="1" author="a"><sql>&e;</sql></changeSet></databaseChangeLog>
                """);

        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessageContaining("evil.xml");
    }

    @Test
    void emptyDirectoryIsAnError() throws IOException {
        write("notes.txt", "nothing here");

        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("no migrations");
    }

    private Path write(Path in, String name, String content) throws IOException {
        Files.createDirectories(in);
        return Files.writeString(in.resolve(name), content);
    }

    @Test
    void aDieselTreeIsReadMigrationByMigrationWithItsDownFilesAndRunInTransaction() throws IOException {
        write(
                dir.resolve("00000000000000_diesel_initial_setup"),
                "up.sql",
                "CREATE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS void AS $$ BEGIN END; $$ LANGUAGE plpgsql;\n");
        write(
                dir.resolve("00000000000000_diesel_initial_setup"),
                "down.sql",
                "DROP FUNCTION diesel_manage_updated_at(_tbl regclass);\n");
        write(dir.resolve("2019-07-18-102031_add_crates"), "up.sql", "CREATE TABLE crates (id serial PRIMARY KEY);\n");
        write(dir.resolve("2019-07-18-102031_add_crates"), "down.sql", "DROP TABLE crates;\n");
        write(
                dir.resolve("2020-01-02-000000_index_crates"),
                "up.sql",
                "CREATE INDEX CONCURRENTLY crates_id ON crates (id);\n");
        write(dir.resolve("2020-01-02-000000_index_crates"), "metadata.toml", "run_in_transaction = false\n");
        write(dir, "README.md", "not a migration\n");

        List<MigrationUnit> units = read(dir);

        assertThat(units)
                .extracting(
                        u -> dir.relativize(Path.of(u.file())).toString(),
                        MigrationUnit::role,
                        MigrationUnit::inTransaction)
                .containsExactly(
                        tuple("00000000000000_diesel_initial_setup/up.sql", "up", true),
                        tuple("2019-07-18-102031_add_crates/up.sql", "up", true),
                        tuple("2020-01-02-000000_index_crates/up.sql", "up", false),
                        tuple("2019-07-18-102031_add_crates/down.sql", "down", true),
                        tuple("00000000000000_diesel_initial_setup/down.sql", "down", true));
        assertThat(units).allSatisfy(u -> assertThat(u.tool()).isEqualTo("diesel"));
    }

    /**
     * crates.io's tree names its older migrations 20170308140537_x and its newer 2017-09-23-182408_y: Diesel runs them
     * by version (dashes left out), not by name, where the dash would sort the newer one first.
     */
    @Test
    void dieselRunsItsMigrationsByVersionWhateverTheDashesInTheirNames() throws IOException {
        write(dir.resolve("20170308140537_create_emails"), "up.sql", "CREATE TABLE emails (id serial PRIMARY KEY);\n");
        write(dir.resolve("2017-09-23-182408_add_token"), "up.sql", "ALTER TABLE emails ADD COLUMN token text;\n");
        write(dir.resolve("20170102131034_create_users"), "up.sql", "CREATE TABLE users (id serial PRIMARY KEY);\n");

        assertThat(read(dir))
                .extracting(u -> dir.relativize(Path.of(u.file())).getParent().toString())
                .containsExactly(
                        "20170102131034_create_users", "20170308140537_create_emails", "2017-09-23-182408_add_token");
    }

    @Test
    void aLooseSqlFileBesideDieselsMigrationsIsNamedAsNotReadAndAMigrationWithoutUpSqlIsRefused() throws IOException {
        write(dir.resolve("2019-07-18-102031_add_crates"), "up.sql", "CREATE TABLE crates (id serial PRIMARY KEY);\n");
        write(dir, "data_oauth_github.sql", "INSERT INTO oauth_github SELECT 1;\n");
        List<String> skipped = new java.util.ArrayList<>();
        assertThat(MigrationSources.read(List.of(dir.toString()), true, skipped::add))
                .hasSize(1);
        assertThat(skipped)
                .singleElement()
                .asString()
                .contains("data_oauth_github.sql")
                .contains("diesel does not run it");
        Files.delete(dir.resolve("data_oauth_github.sql"));
        write(dir.resolve("2019-08-01-000000_half"), "down.sql", "DROP TABLE x;\n");
        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("2019-08-01-000000_half")
                .hasMessageContaining("without up.sql");
    }

    @Test
    void aPrismaTreeIsReadInTimestampOrder() throws IOException {
        write(dir, "migration_lock.toml", "provider = \"postgresql\"\n");
        write(
                dir.resolve("20240102000000_add_index"),
                "migration.sql",
                "CREATE INDEX \"User_email_idx\" ON \"User\"(\"email\");\n");
        write(
                dir.resolve("20240101000000_init"),
                "migration.sql",
                "CREATE TABLE \"User\" (\"id\" SERIAL PRIMARY KEY, \"email\" TEXT);\n");
        assertThat(read(dir))
                .extracting(u -> dir.relativize(Path.of(u.file())).toString(), MigrationUnit::tool)
                .containsExactly(
                        tuple("20240101000000_init/migration.sql", "prisma"),
                        tuple("20240102000000_add_index/migration.sql", "prisma"));
    }

    @Test
    void gooseFilesSplitIntoUpAndDownAndNoTransactionIsHonoured() throws IOException {
        write("20230101120000_users.sql", """
                -- +goose Up
                -- +goose StatementBegin
                CREATE TABLE users (id bigint PRIMARY KEY);
                -- +goose StatementEnd

                -- +goose Down
                DROP TABLE users;
                """);
        write(
                "20230102120000_index.sql",
                "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY users_id ON users (id);\n"
                        + "-- +goose Down\nDROP INDEX CONCURRENTLY users_id;\n");
        List<MigrationUnit> units = read(dir);
        assertThat(units)
                .extracting(MigrationUnit::role, MigrationUnit::inTransaction, MigrationUnit::tool)
                .containsExactly(
                        tuple("up", true, "goose"),
                        tuple("up", false, "goose"),
                        tuple("down", false, "goose"),
                        tuple("down", true, "goose"));
        assertThat(units.get(0).sql()).contains("CREATE TABLE users").doesNotContain("DROP TABLE");
        assertThat(units.get(0).firstLine()).isEqualTo(2);
    }

    @Test
    void migrationsWrittenInCodeAreRefusedWithTheCommandThatPrintsTheirSql() throws IOException {
        Path rails = Files.createDirectories(dir.resolve("rails"));
        write(
                rails,
                "20240101000000_add_users.rb",
                "class AddUsers < ActiveRecord::Migration[7.1]\n  def change; end\nend\n");
        assertThatThrownBy(() -> read(rails))
                .hasMessageContaining("Rails migrations")
                .hasMessageContaining("structure.sql");
        Path django = Files.createDirectories(dir.resolve("django"));
        write(
                django,
                "0001_initial.py",
                "from django.db import migrations\nclass Migration(migrations.Migration):\n    pass\n");
        assertThatThrownBy(() -> read(django)).hasMessageContaining("sqlmigrate");
        Path alembic = Files.createDirectories(dir.resolve("alembic"));
        write(alembic, "1a2b_init.py", "revision = '1a2b'\ndef upgrade():\n    pass\n");
        assertThatThrownBy(() -> read(alembic)).hasMessageContaining("alembic upgrade FROM:TO --sql");
    }

    @Test
    void aSubdirectoryHoldingSqlIsNeverSkippedWithoutAWord() throws IOException {
        write("V1__one.sql", "select 1;\n");
        write(dir.resolve("archive"), "V0__old.sql", "select 0;\n");
        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("archive")
                .hasMessageContaining("pass each as its own argument");
    }

    @Test
    void aLoneConcurrentIndexFileRunsOutsideATransactionAsEveryToolRunsIt() throws IOException {
        write("V1__index.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n");
        write("V2__mixed.sql", "CREATE TABLE u (a int);\nCREATE INDEX CONCURRENTLY j ON u (a);\n");
        assertThat(read(dir)).extracting(MigrationUnit::inTransaction).containsExactly(false, true);
        Path plain = write("lone.sql", "CREATE INDEX CONCURRENTLY k ON t (a);\n");
        Files.delete(dir.resolve("V1__index.sql"));
        Files.delete(dir.resolve("V2__mixed.sql"));
        assertThat(MigrationSources.read(List.of(plain.toString()), true))
                .extracting(MigrationUnit::inTransaction)
                .containsExactly(false);
    }

    @Test
    void liquibaseParametersComeFromLiquibasePropertiesThenFromTheChangelogsProperties() throws IOException {
        write("liquibase.properties", "changeLogFile=changelog.xml\nparameter.schema=shop\n");
        write("changelog.xml", """
                <databaseChangeLog>
                  <property name="schema" value="ignored_because_the_file_said_it_first"/>
                  <property name="table" value="orders"/>
                  <changeSet id="1" author="a">
                    <sql>ALTER TABLE ${schema}.${table} ADD COLUMN note2 text; -- ${unknown} stays</sql>
                  </changeSet>
                </databaseChangeLog>
                """);
        assertThat(MigrationSources.read(List.of(dir.resolve("changelog.xml").toString()), true))
                .singleElement()
                .satisfies(u -> assertThat(u.sql())
                        .contains("ALTER TABLE shop.orders ADD COLUMN note2 text")
                        .contains("${unknown}"));
    }

    @Test
    void liquibaseParametersGivenOnTheCommandLineWinAsOnLiquibasesOwn() throws IOException {
        write("liquibase.properties", "changeLogFile=changelog.xml\nparameter.schema=shop\n");
        write("changelog.xml", """
                <databaseChangeLog>
                  <property name="table" value="orders"/>
                  <changeSet id="1" author="a">
                    <sql>ALTER TABLE ${schema}.${table} ADD COLUMN note2 text;</sql>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<MigrationUnit> units = MigrationSources.withLiquibaseParameters(
                java.util.Map.of("schema", "billing", "table", "invoices"),
                () -> MigrationSources.read(List.of(dir.resolve("changelog.xml").toString()), true));
        assertThat(units)
                .singleElement()
                .satisfies(u -> assertThat(u.sql()).contains("ALTER TABLE billing.invoices ADD COLUMN note2 text"));
        assertThat(MigrationSources.read(List.of(dir.resolve("changelog.xml").toString()), true))
                .singleElement()
                .satisfies(u ->
                        assertThat(u.sql()).as("given only for that reading").contains("ALTER TABLE shop.orders"));
    }

    @Test
    void aSqitchProjectIsReadInPlanOrderWithItsRevertsAndItsVerifyScriptsNamedAsNotLinted() throws IOException {
        write("sqitch.plan", """
                %syntax-version=1.0.0
                %project=shop

                users 2024-01-01T00:00:00Z Ann <ann@example.com> # the users table
                orders [users] 2024-01-02T00:00:00Z Ann <ann@example.com> # orders
                @v1.0 2024-01-03T00:00:00Z Ann <ann@example.com> # first release
                """);
        write(dir.resolve("deploy"), "users.sql", "BEGIN;\nCREATE TABLE users (id bigint PRIMARY KEY);\nCOMMIT;\n");
        write(
                dir.resolve("deploy"),
                "orders.sql",
                "BEGIN;\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\nCOMMIT;\n");
        write(dir.resolve("revert"), "users.sql", "BEGIN;\nDROP TABLE users;\nCOMMIT;\n");
        write(dir.resolve("revert"), "orders.sql", "BEGIN;\nDROP TABLE orders;\nCOMMIT;\n");
        write(dir.resolve("verify"), "users.sql", "SELECT id FROM users WHERE false;\n");
        List<String> skipped = new java.util.ArrayList<>();
        List<MigrationUnit> units = MigrationSources.read(List.of(dir.toString()), true, skipped::add);
        assertThat(units)
                .extracting(u -> dir.relativize(Path.of(u.file())).toString(), MigrationUnit::role, MigrationUnit::tool)
                .containsExactly(
                        tuple("deploy/users.sql", "up", "sqitch"),
                        tuple("deploy/orders.sql", "up", "sqitch"),
                        tuple("revert/orders.sql", "down", "sqitch"),
                        tuple("revert/users.sql", "down", "sqitch"));
        assertThat(skipped).singleElement().asString().contains("verify");
    }

    private List<MigrationUnit> read(Path path) {
        return MigrationSources.read(List.of(path.toString()), true);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
