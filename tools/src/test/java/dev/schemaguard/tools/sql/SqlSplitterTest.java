package dev.schemaguard.tools.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlSplitterTest {

    private static List<String> texts(String sql) {
        return SqlSplitter.split(sql, "V1__test.sql").stream()
                .map(SqlStatement::text)
                .toList();
    }

    @Test
    void splitsOnSemicolonsAndKeepsPositions() {
        List<SqlStatement> statements =
                SqlSplitter.split("CREATE TABLE a (id int);\n\n  ALTER TABLE a ADD COLUMN b text;\n", "f.sql");
        assertThat(statements)
                .extracting(SqlStatement::text)
                .containsExactly("CREATE TABLE a (id int)", "ALTER TABLE a ADD COLUMN b text");
        assertThat(statements.get(1).line()).isEqualTo(3);
        assertThat(statements.get(1).column()).isEqualTo(3);
        assertThat(statements.get(1).file()).isEqualTo("f.sql");
        assertThat(statements).allSatisfy(s -> assertThat(s.terminated()).isTrue());
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        assertThat(
                        texts(
                                "INSERT INTO t VALUES ('a;b', 'it''s;'); SELECT \"we;ird\"\"col\" FROM t; -- c;d\nSELECT 1 /* x; /* nested; */ y; */ + 1;"))
                .containsExactly(
                        "INSERT INTO t VALUES ('a;b', 'it''s;')",
                        "SELECT \"we;ird\"\"col\" FROM t",
                        "SELECT 1 /* x; /* nested; */ y; */ + 1");
    }

    @Test
    void escapeStringsHonourBackslashes() {
        assertThat(texts("SELECT E'it\\'s; fine'; SELECT 'plain\\'; SELECT 2;"))
                .containsExactly("SELECT E'it\\'s; fine'", "SELECT 'plain\\'", "SELECT 2");
    }

    @Test
    void dollarQuotedBodiesWithAndWithoutTags() {
        String sql = """
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  EXECUTE 'DROP TABLE x; DROP TABLE y';
                  RETURN NEW;
                END;
                $$;
                DO $body$ BEGIN PERFORM $$;$$; END $body$;
                SELECT $1, a$b FROM t;
                """;
        List<String> texts = texts(sql);
        assertThat(texts).hasSize(3);
        assertThat(texts.get(0)).startsWith("CREATE FUNCTION").endsWith("$$");
        assertThat(texts.get(1)).isEqualTo("DO $body$ BEGIN PERFORM $$;$$; END $body$");
        assertThat(texts.get(2)).isEqualTo("SELECT $1, a$b FROM t");
    }

    @Test
    void sqlStandardFunctionBodies() {
        String sql = """
                CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;
                  SELECT 1;
                END;
                SELECT add(1, 2);
                """;
        assertThat(texts(sql)).hasSize(2);
        assertThat(texts(sql).get(1)).isEqualTo("SELECT add(1, 2)");
    }

    @Test
    void psqlMetaCommandsAreTheirOwnStatements() {
        List<SqlStatement> statements =
                SqlSplitter.split("\\set ON_ERROR_STOP on\nSELECT 1;\n\\i other.sql\n", "f.sql");
        assertThat(statements)
                .extracting(SqlStatement::kind)
                .containsExactly(SqlStatement.Kind.PSQL_META, SqlStatement.Kind.SQL, SqlStatement.Kind.PSQL_META);
        assertThat(statements.get(2).text()).isEqualTo("\\i other.sql");
        assertThat(statements.get(2).line()).isEqualTo(3);
    }

    @Test
    void copyFromStdinKeepsItsDataLines() {
        String sql = "COPY t (a, b) FROM STDIN;\n1\tx;y\n2\tz\n\\.\nSELECT 1;\n";
        List<String> texts = texts(sql);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0))
                .startsWith("COPY t (a, b) FROM STDIN;")
                .contains("x;y")
                .endsWith("\\.");
        assertThat(texts.get(1)).isEqualTo("SELECT 1");
    }

    @Test
    void leadingCommentsTravelWithTheirStatement() {
        List<SqlStatement> statements =
                SqlSplitter.split("-- schemaguard:ignore ban-drop-table\nDROP TABLE a;\nSELECT 1;", "f.sql");
        assertThat(statements.get(0).leadingComments()).isEqualTo("-- schemaguard:ignore ban-drop-table");
        assertThat(statements.get(1).leadingComments()).isEmpty();
        assertThat(statements.get(1).terminated()).isTrue();
    }

    @Test
    void unterminatedInputBecomesALastUnterminatedStatement() {
        List<SqlStatement> statements = SqlSplitter.split("SELECT 1; SELECT 'open; SELECT 2;", "f.sql");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1).terminated()).isFalse();
        assertThat(SqlSplitter.split("SELECT 1; /* never closed", "f.sql"))
                .last()
                .satisfies(s -> assertThat(s.terminated()).isFalse());
        assertThat(SqlSplitter.split("DO $$ BEGIN", "f.sql"))
                .singleElement()
                .satisfies(s -> assertThat(s.terminated()).isFalse());
    }

    @Test
    void emptyStatementsAndBlankTextGiveNothing() {
        assertThat(texts(";;  ;\n-- only a comment\n")).isEmpty();
        assertThat(texts("")).isEmpty();
        assertThat(texts(null)).isEmpty();
    }
}
