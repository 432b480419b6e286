package dev.schemaguard.tools.schema.ddl;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The exported script rebuilds the schema: exporting the rebuilt database gives the same script. */
@Tag("database")
class PostgresSchemaExporterTest {

    private final PostgresSchemaExporter exporter = new PostgresSchemaExporter();

    @Test
    void theDemoShopRoundTripsThroughItsScript() throws SQLException {
        TestDatabase original = TestPostgres.createDatabase("export");
        original.execute(DemoDatabase.schemaSql());
        SchemaScript script;
        try (Connection c = original.connect()) {
            script = exporter.export(c);
        }
        assertThat(script.text())
                .contains("CREATE TYPE shop.order_status AS ENUM")
                .contains("PARTITION OF shop.order_events")
                .contains("CREATE MATERIALIZED VIEW shop.product_sales")
                .contains("NOT VALID")
                .contains("EXCLUDE USING");
        TestDatabase copy = TestPostgres.createDatabase("rebuilt");
        try (Connection c = copy.connect();
                Statement s = c.createStatement()) {
            for (String statement : script.statements()) {
                s.execute(statement);
            }
            SchemaScript again = exporter.export(c);
            assertThat(script.diff(again).added())
                    .as("only in the rebuilt database")
                    .isEmpty();
            assertThat(script.diff(again).removed())
                    .as("missing from the rebuilt database")
                    .isEmpty();
        }
        try (Connection c = original.connect()) {
            SchemaScript unordered = exporter.exportForComparison(c);
            assertThat(unordered.objects())
                    .as("the comparison's export: the same objects, only not ordered for creation")
                    .hasSameSizeAs(script.objects());
            assertThat(script.diff(unordered).changes()).isEmpty();
        }
    }

    @Test
    void aChangeShowsAsADiff() throws SQLException {
        TestDatabase db = TestPostgres.createDatabase("diff");
        db.execute("CREATE TABLE t (id bigint PRIMARY KEY, note text)");
        try (Connection c = db.connect()) {
            SchemaScript before = exporter.export(c);
            db.execute(
                    "ALTER TABLE t ADD COLUMN channel text NOT NULL DEFAULT 'web'; CREATE INDEX t_note_idx ON t (note)");
            SchemaScript.Diff diff = before.diff(exporter.export(c));
            assertThat(diff.added())
                    .anySatisfy(s -> assertThat(s).contains("channel text DEFAULT 'web'::text NOT NULL"))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE INDEX t_note_idx"));
            assertThat(diff.removed())
                    .singleElement()
                    .satisfies(s -> assertThat(s).startsWith("CREATE TABLE public.t (id bigint NOT NULL, note text)"));
        }
    }

    @Test
    void ownersPrivilegesAndRowLevelSecurityRoundTripToo() throws SQLException {
        TestDatabase original = TestPostgres.createDatabase("access");
        original.execute("""
                DO $$BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sg_export_app') THEN CREATE ROLE sg_export_app NOLOGIN; END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sg_export_reader') THEN CREATE ROLE sg_export_reader NOLOGIN; END IF;
                END$$;
                CREATE TABLE notes (id int PRIMARY KEY, author text);
                ALTER TABLE notes OWNER TO sg_export_app;
                GRANT SELECT ON notes TO sg_export_reader;
                ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
                CREATE POLICY own_notes ON notes FOR SELECT TO sg_export_reader USING (author = current_user);
                CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
                REVOKE EXECUTE ON FUNCTION answer() FROM PUBLIC;
                """);
        SchemaScript script;
        try (Connection c = original.connect()) {
            script = exporter.export(c);
        }
        assertThat(script.statements())
                .contains(
                        "ALTER TABLE public.notes OWNER TO sg_export_app",
                        "GRANT SELECT ON TABLE public.notes TO sg_export_reader",
                        "REVOKE EXECUTE ON FUNCTION public.answer() FROM PUBLIC",
                        "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY",
                        "CREATE POLICY own_notes ON public.notes AS PERMISSIVE FOR SELECT TO sg_export_reader USING ((author = CURRENT_USER))");
        assertThat(script.statements())
                .as("the owner's own default privileges are not written")
                .noneMatch(st -> st.startsWith("GRANT") && st.endsWith("TO sg_export_app"));
        assertThat(script.statements().get(1))
                .startsWith("DO $sg$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ");
        TestDatabase copy = TestPostgres.createDatabase("access_rebuilt");
        try (Connection c = copy.connect();
                Statement s = c.createStatement()) {
            for (String statement : script.statements()) {
                s.execute(statement);
            }
            SchemaScript again = exporter.export(c);
            assertThat(script.diff(again).added()).isEmpty();
            assertThat(script.diff(again).removed()).isEmpty();
        }
    }
}
