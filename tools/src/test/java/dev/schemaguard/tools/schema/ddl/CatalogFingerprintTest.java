package dev.schemaguard.tools.schema.ddl;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog fingerprint changes with every kind of schema change the export would see, and stays when only data,
 * statistics or vacuum touch the database — so a kept export is never used for a schema that changed.
 */
@Tag("database")
class CatalogFingerprintTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ALTER TABLE app.t ADD COLUMN extra int",
                "ALTER TABLE app.t ALTER COLUMN note TYPE varchar(20)",
                "ALTER TABLE app.t ALTER COLUMN note SET NOT NULL",
                "ALTER TABLE app.t ALTER COLUMN note SET DEFAULT 'x'",
                "ALTER TABLE app.t ALTER COLUMN note SET STATISTICS 300",
                "CREATE INDEX t_note ON app.t (note)",
                "ALTER TABLE app.t ADD CONSTRAINT t_note_check CHECK (note <> '')",
                "COMMENT ON COLUMN app.t.note IS 'a note'",
                "GRANT SELECT ON app.t TO PUBLIC",
                "ALTER TYPE app.mood ADD VALUE 'meh'",
                "ALTER TYPE app.mood RENAME VALUE 'ok' TO 'fine'",
                "CREATE OR REPLACE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 2'",
                "ALTER SEQUENCE app.s INCREMENT BY 7",
                "CREATE VIEW app.v2 AS SELECT 1 AS one",
                "ALTER TABLE app.t ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE app.t RENAME TO t2",
                "DROP VIEW app.v"
            })
    void aSchemaChangeChangesIt(String change) throws SQLException {
        TestDatabase db = database();
        String before = fingerprint(db);
        db.execute(change);
        assertThat(fingerprint(db)).isNotEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "INSERT INTO app.t (note) SELECT 'n' FROM generate_series(1, 500)",
                "ANALYZE app.t",
                "VACUUM app.t",
                "SELECT nextval('app.s')"
            })
    void dataStatisticsAndVacuumDoNot(String work) throws SQLException {
        TestDatabase db = database();
        String before = fingerprint(db);
        db.execute(work);
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    private static TestDatabase database() {
        TestDatabase db = TestPostgres.createDatabase("fingerprint");
        db.execute("CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('sad', 'ok'); CREATE SEQUENCE app.s; "
                + "CREATE TABLE app.t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text); CREATE VIEW app.v AS SELECT id FROM app.t; "
                + "CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        return db;
    }

    private static String fingerprint(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogFingerprint.of(c);
        }
    }
}
