package dev.schemaguard.tools.sql;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one definition of the user's schemas, against a real catalog: no system, TOAST or temporary schema, every user one. */
@Tag("database")
class UserSchemasTest {

    @Test
    void theUsersSchemasAreAllOfThemAndOnlyThem() throws Exception {
        TestDatabase db = TestPostgres.createDatabase("user_schemas");
        // names that an unescaped LIKE 'pg_toast%' / 'pg_temp_%' would have taken for system schemas
        db.execute(
                "CREATE SCHEMA pgxtoast; CREATE SCHEMA pgxtempx1; CREATE TABLE pgxtoast.t (v text); CREATE TABLE pgxtempx1.t (v text);"
                        + "CREATE TABLE public.big (v text);");
        List<String> schemas = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE scratch (v text)"); // makes this session's pg_temp_N and pg_toast_temp_N
            try (ResultSet rs = s.executeQuery(
                    "SELECT n.nspname FROM pg_namespace n WHERE " + UserSchemas.FILTER + " ORDER BY 1")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM pg_namespace n WHERE n.nspname LIKE 'pg_temp%' OR n.nspname LIKE 'pg_toast%'")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("the catalog has TOAST and temporary schemas to leave out")
                        .isGreaterThanOrEqualTo(3);
            }
        }
        assertThat(schemas).containsExactly("pgxtempx1", "pgxtoast", "public");
        assertThat(UserSchemas.filterExcept("schemaguard_effects")).endsWith("AND n.nspname <> 'schemaguard_effects'");
    }
}
