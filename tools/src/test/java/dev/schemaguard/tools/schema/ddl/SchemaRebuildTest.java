package dev.schemaguard.tools.schema.ddl;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema rebuilt in an empty database from its exported script is the same schema: every statement runs, and the
 * rebuilt database exports to the same objects. Over the demo shop, a DVD rental store in pagila's shape, and a schema
 * with every kind of object the exporter writes (and the dependency cycles pg_dump has to break).
 */
@Tag("database")
public class SchemaRebuildTest {

    private final PostgresSchemaExporter exporter = new PostgresSchemaExporter();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo", "rental-store", "every-kind"})
    void aSchemaRebuiltFromItsScriptIsTheSame(String schema) throws Exception {
        SchemaScript script = export(schema);
        assertThat(script.notCopied()).isEmpty();
        TestDatabase copy = TestPostgres.createDatabase(schema.replace('-', '_') + "_copy");
        List<String> refused = rebuild(copy, script);
        assertThat(refused).as("statements the empty database refused").isEmpty();
        try (Connection c = copy.connect()) {
            SchemaScript again = exporter.export(c);
            SchemaScript.Diff diff = script.diff(again);
            assertThat(diff.removed()).as("missing from the rebuilt database").isEmpty();
            assertThat(diff.added()).as("only in the rebuilt database").isEmpty();
            assertThat(again.statements())
                    .as("the same schema gives the same script")
                    .isEqualTo(script.statements());
        }
    }

    @Test
    void aViewAndAFunctionThatNeedEachOtherAreMadeInTwoStepsAsPgDumpDoes() throws Exception {
        List<String> statements = export("every-kind").statements();
        int shell = indexOf(
                statements, "CREATE VIEW app.account_moods AS SELECT NULL::bigint AS id, NULL::app.mood AS mood");
        int function = indexOf(statements, "CREATE OR REPLACE FUNCTION app.moods_of(integer)");
        int body = indexOf(statements, "CREATE OR REPLACE VIEW app.account_moods AS");
        assertThat(shell).isLessThan(function);
        assertThat(function).isLessThan(body);
    }

    @Test
    void aDefaultThatCallsAFunctionReturningItsOwnTableIsSetOnceTheFunctionExists() throws Exception {
        List<String> statements = export("every-kind").statements();
        int table = indexOf(statements, "CREATE TABLE app.codes (code text NOT NULL, uses integer NOT NULL)");
        int function = indexOf(statements, "CREATE OR REPLACE FUNCTION app.latest_code()");
        int setDefault = indexOf(
                statements,
                "ALTER TABLE ONLY app.codes ALTER COLUMN code SET DEFAULT (COALESCE((app.latest_code()).code");
        assertThat(table).isLessThan(function);
        assertThat(function).isLessThan(setDefault);
        assertThat(export("every-kind").object("table:app.codes").definition())
                .as("compared as one table, whatever order it was made in")
                .contains("code text DEFAULT (COALESCE((app.latest_code()).code");
    }

    @Test
    void viewsComeAfterTheAggregatesAndFunctionsTheyUse() throws Exception {
        List<String> statements = export("rental-store").statements();
        assertThat(indexOf(statements, "CREATE FUNCTION public._group_concat")).isEqualTo(-1);
        int function = indexOf(statements, "CREATE OR REPLACE FUNCTION public._group_concat(text, text)");
        int aggregate = indexOf(statements, "CREATE AGGREGATE public.group_concat(text)");
        assertThat(function).isLessThan(aggregate);
        for (String view : List.of("actor_info", "film_list", "nicer_but_slower_film_list")) {
            assertThat(indexOf(statements, "CREATE VIEW public." + view + " AS"))
                    .as(view)
                    .isGreaterThan(aggregate);
        }
        int matview = indexOf(statements, "CREATE MATERIALIZED VIEW public.rental_by_category");
        assertThat(indexOf(statements, "CREATE UNIQUE INDEX rental_category ON public.rental_by_category"))
                .isGreaterThan(matview);
        assertThat(export("rental-store").postData())
                .containsExactly("REFRESH MATERIALIZED VIEW public.rental_by_category");
    }

    @Test
    void partitionsKeepTheKeysAndIndexesTheyHaveAndAreAttachedToTheParents() throws Exception {
        List<String> statements = export("every-kind").statements();
        assertThat(statements)
                .contains(
                        "ALTER TABLE ONLY app.payments ADD CONSTRAINT payments_pkey PRIMARY KEY (paid_on, id)",
                        "ALTER TABLE ONLY app.payments_2027 ADD CONSTRAINT payments_2027_custom_pk PRIMARY KEY (paid_on, id)",
                        "ALTER INDEX app.payments_pkey ATTACH PARTITION app.payments_2027_custom_pk",
                        "CREATE INDEX payments_account_idx ON ONLY app.payments USING btree (account_id)",
                        "ALTER INDEX app.payments_account_idx ATTACH PARTITION app.payments_2027_account_custom",
                        "ALTER INDEX app.payments_2026_account_id_idx ATTACH PARTITION app.payments_2026_h1_account_id_idx");
        assertThat(statements)
                .as("a partitioned table's foreign key is made on it and reaches its partitions")
                .contains(
                        "ALTER TABLE app.payments ADD CONSTRAINT payments_account_id_fkey FOREIGN KEY (account_id) REFERENCES app.accounts(id)");
    }

    @Test
    void anExtensionsOwnObjectsAreLeftToItAndWhatUsesThemComesAfterIt() throws Exception {
        SchemaScript script = export("every-kind");
        assertThat(script.statements())
                .noneMatch(s -> s.startsWith("CREATE TYPE public.citext"))
                .noneMatch(s -> s.contains("FUNCTION public.citext"));
        assertThat(script.object("domain:app.email").dependsOn()).contains("extension:citext");
        assertThat(script.object("server:elsewhere").dependsOn()).contains("extension:postgres_fdw");
    }

    @Test
    void userMappingsHoldPasswordsAndAreNeverCopied() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase("mapping");
        db.execute(
                "CREATE EXTENSION postgres_fdw; CREATE SERVER far FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'db.invalid');"
                        + "CREATE USER MAPPING FOR postgres SERVER far OPTIONS (user 'app', password 's3cret-Pa55');");
        try (Connection c = db.connect()) {
            assertThat(exporter.export(c).text())
                    .contains("CREATE SERVER far")
                    .doesNotContain("s3cret-Pa55")
                    .doesNotContain("USER MAPPING");
        }
    }

    @Test
    void everyNameInTheScriptIsQualifiedWhateverTheReadersSearchPath() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase("search_path");
        db.execute(
                "CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY); CREATE VIEW app.v AS SELECT id FROM app.t;");
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("SET search_path = app, public");
            assertThat(exporter.export(c).object("view:app.v").definition()).contains("FROM app.t");
            try (var rs = s.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1))
                        .as("the reader's session is left as it was")
                        .isEqualTo("app, public");
            }
        }
    }

    private SchemaScript export(String schema) throws IOException, SQLException {
        TestDatabase db = TestPostgres.createDatabase(schema.replace('-', '_'));
        db.execute(sql(schema));
        try (Connection c = db.connect()) {
            return exporter.export(c);
        }
    }

    public static String sql(String schema) throws IOException {
        if (schema.equals("demo")) {
            return DemoDatabase.schemaSql();
        }
        try (InputStream in = SchemaRebuildTest.class.getResourceAsStream("/schemas/" + schema + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** @return the statements refused, with PostgreSQL's reasons */
    static List<String> rebuild(TestDatabase copy, SchemaScript script) throws SQLException {
        List<String> refused = new ArrayList<>();
        try (Connection c = copy.connect();
                Statement s = c.createStatement()) {
            List<String> all = new ArrayList<>(script.statements());
            all.addAll(script.postData());
            for (String statement : all) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    refused.add(statement.lines().findFirst().orElse("") + " -- " + e.getMessage());
                }
            }
        }
        return refused;
    }

    private static int indexOf(List<String> statements, String prefix) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
