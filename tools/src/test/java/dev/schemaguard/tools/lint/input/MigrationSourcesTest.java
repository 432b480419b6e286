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

/** Each migration tool's layout is read in the order, and with the transactions, that tool would use. */
class MigrationSourcesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> names(List<MigrationUnit> units) {
        return units.stream().map(u -> Path.of(u.file()).getFileName() + ":" + u.role()).toList();
    }

    @Test
    void flywayRunsVersionsNumericallyThenRepeatablesAndListsUndoLast() throws IOException {
        for (String name : List.of("V2__b.sql", "V1_10__j.sql", "V1__a.sql", "V1.1__c.sql", "V1_9__i.sql", "R__views.sql",
                "R__a_functions.sql", "U2__undo_b.sql")) {
            write(name, "SELECT 1;");
        }
        assertThat(names(MigrationSources.read(List.of(dir.toString()), false))).containsExactly(
                "V1__a.sql:up", "V1.1__c.sql:up", "V1_9__i.sql:up", "V1_10__j.sql:up", "V2__b.sql:up",
                "R__a_functions.sql:repeatable", "R__views.sql:repeatable", "U2__undo_b.sql:undo");
    }

    @Test
    void flywayWrapsEachFileUnlessConfiguredNotTo() throws IOException {
        write("V1__a.sql", "SELECT 1;");
        write("V2__b.sql", "CREATE INDEX CONCURRENTLY i ON t (c);");
        write("V2__b.sql.conf", "executeInTransaction=false\n");
        write("V3__c.sql", "-- flyway:executeInTransaction=false\nSELECT 1;");
        assertThat(MigrationSources.read(List.of(dir.toString()), false)).extracting(MigrationUnit::inTransaction, MigrationUnit::tool)
                .containsExactly(tuple(true, "flyway"), tuple(false, "flyway"), tuple(false, "flyway"));
    }

    @Test
    void aFileThatBreaksFlywayNamingInAFlywayDirectoryIsRefused() throws IOException {
        write("V1__a.sql", "SELECT 1;");
        write("notes.sql", "SELECT 1;");
        assertThatThrownBy(() -> MigrationSources.read(List.of(dir.toString()), true))
                .isInstanceOf(InputException.class).hasMessageContaining("notes.sql does not follow Flyway's naming");
    }

    @Test
    void golangMigrateRunsUpsByVersionThenDownsInReverse() throws IOException {
        write("10_c.up.sql", "SELECT 1;");
        write("2_b.up.sql", "SELECT 1;");
        write("2_b.down.sql", "SELECT 1;");
        write("10_c.down.sql", "SELECT 1;");
        assertThat(names(MigrationSources.read(List.of(dir.toString()), false)))
                .containsExactly("2_b.up.sql:up", "10_c.up.sql:up", "10_c.down.sql:down", "2_b.down.sql:down");
    }

    @Test
    void dbmateSplitsUpAndDownAndHonoursTransactionFalse() throws IOException {
        Path file = write("20240101120000_add_index.sql", """
                -- migrate:up transaction:false
                CREATE INDEX CONCURRENTLY i ON t (c);

                -- migrate:down
                DROP INDEX i;
                """);
        assertThat(MigrationSources.read(List.of(file.toString()), true))
                .extracting(MigrationUnit::role, MigrationUnit::firstLine, MigrationUnit::inTransaction, MigrationUnit::tool)
                .containsExactly(tuple("up", 2, false, "dbmate"), tuple("down", 5, true, "dbmate"));
    }

    @Test
    void plainNumberedFilesRunInNumericOrder() throws IOException {
        write("10-later.sql", "SELECT 1;");
        write("9-earlier.sql", "SELECT 1;");
        assertThat(names(MigrationSources.read(List.of(dir.toString()), true))).containsExactly("9-earlier.sql:up", "10-later.sql:up");
    }

    @Test
    void liquibaseFormattedSqlSplitsChangesetsAndKeepsRollbacksApart() throws IOException {
        Path file = write("changelog.sql", """
                --liquibase formatted sql

                --changeset alice:1
                ALTER TABLE t ADD COLUMN c text;
                --rollback ALTER TABLE t DROP COLUMN c;

                --changeset bob:2 runInTransaction:false
                --comment: build the index online
                CREATE INDEX CONCURRENTLY i ON t (c);
                """);
        List<MigrationUnit> units = MigrationSources.read(List.of(file.toString()), true);
        assertThat(units).extracting(MigrationUnit::role, MigrationUnit::firstLine, MigrationUnit::inTransaction).containsExactly(
                tuple("up", 4, true), tuple("rollback", 5, true), tuple("up", 8, false));
        assertThat(units.get(0).sql()).doesNotContain("DROP COLUMN");
        assertThat(units.get(1).sql()).startsWith("ALTER TABLE t DROP COLUMN c;");
        assertThat(units.get(2).sql().lines().toList().get(1)).startsWith("CREATE INDEX CONCURRENTLY");
    }

    @Test
    void liquibaseXmlChangesBecomeSqlAtTheLinesOfTheirChanges() throws IOException {
        Path file = write("db.changelog.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="alice">
                    <createTable tableName="wishlists" schemaName="shop">
                      <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                      <column name="customer_id" type="bigint"/>
                    </createTable>
                    <addColumn tableName="orders" schemaName="shop">
                      <column name="channel" type="text"><constraints nullable="false"/></column>
                    </addColumn>
                    <createIndex tableName="orders" schemaName="shop" indexName="orders_channel_idx">
                      <column name="channel"/>
                    </createIndex>
                    <addForeignKeyConstraint baseTableName="wishlists" baseTableSchemaName="shop" baseColumnNames="customer_id"
                        constraintName="wishlists_customer_fk" referencedTableName="customers" referencedColumnNames="id"/>
                    <sql>UPDATE shop.orders SET channel = 'web'</sql>
                    <tagDatabase tag="v1"/>
                  </changeSet>
                  <changeSet id="2" author="bob" runInTransaction="false">
                    <dropColumn tableName="orders" schemaName="shop" columnName="note"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<MigrationUnit> units = MigrationSources.read(List.of(file.toString()), true);
        assertThat(units).extracting(MigrationUnit::firstLine, MigrationUnit::inTransaction, MigrationUnit::tool)
                .containsExactly(tuple(3, true, "liquibase"), tuple(19, false, "liquibase"));
        List<String> lines = units.get(0).sql().lines().toList();
        assertThat(lines.get(1)).isEqualTo("CREATE TABLE shop.wishlists (id bigint PRIMARY KEY, customer_id bigint);");
        assertThat(lines.get(5)).isEqualTo("ALTER TABLE shop.orders ADD COLUMN channel text NOT NULL;");
        assertThat(lines.get(8)).isEqualTo("CREATE INDEX orders_channel_idx ON shop.orders (channel);");
        assertThat(lines.get(11)).startsWith("ALTER TABLE shop.wishlists ADD CONSTRAINT wishlists_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)");
        assertThat(lines.get(13)).isEqualTo("UPDATE shop.orders SET channel = 'web';");
        assertThat(lines.get(14)).isEqualTo("-- liquibase change type tagDatabase is not translated");
        assertThat(units.get(1).sql().strip()).isEqualTo("ALTER TABLE shop.orders DROP COLUMN note;");
    }

    @Test
    void liquibaseYamlChangesBecomeSql() throws IOException {
        Path file = write("db.changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: add-channel
                      author: alice
                      changes:
                        - addColumn:
                            tableName: orders
                            columns:
                              - column:
                                  name: channel
                                  type: text
                                  defaultValueComputed: gen_random_uuid()
                        - dropColumn:
                            tableName: orders
                            columnName: note
                """);
        List<MigrationUnit> units = MigrationSources.read(List.of(file.toString()), true);
        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.firstLine()).isEqualTo(3);
            assertThat(u.sql()).contains("ALTER TABLE orders ADD COLUMN channel text DEFAULT gen_random_uuid();")
                    .contains("ALTER TABLE orders DROP COLUMN note;");
        });
    }

    @Test
    void badInputIsRefusedNamingTheFile() throws IOException {
        assertThatThrownBy(() -> MigrationSources.read(List.of(dir.resolve("missing.sql").toString()), true))
                .isInstanceOf(InputException.class).hasMessageContaining("No such file or directory").hasMessageContaining("missing.sql");
        Path notes = write("notes.txt", "hello");
        assertThatThrownBy(() -> MigrationSources.read(List.of(notes.toString()), true))
                .isInstanceOf(InputException.class).hasMessageContaining("Not a migration file: " + notes);
        Path broken = write("broken.xml", "<databaseChangeLog><changeSet id='1'></databaseChangeLog>");
        assertThatThrownBy(() -> MigrationSources.read(List.of(broken.toString()), true))
                .isInstanceOf(InputException.class).hasMessageContaining("broken.xml");
        Path doctype = write("evil.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><databaseChangeLog>&e;</databaseChangeLog>");
        assertThatThrownBy(() -> MigrationSources.read(List.of(doctype.toString()), true))
                .as("no external entities").isInstanceOf(InputException.class).hasMessageContaining("DOCTYPE");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> MigrationSources.read(List.of(empty.toString()), true))
                .isInstanceOf(InputException.class).hasMessageContaining("holds no migrations");
    }
}
