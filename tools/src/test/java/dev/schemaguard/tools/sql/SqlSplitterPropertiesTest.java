package dev.schemaguard.tools.sql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the splitter over generated input: it never fails, and only statement text decides the split. */
class SqlSplitterPropertiesTest {

    /** Statements whose quoting makes naive splitting go wrong. */
    private static final List<String> TRICKY = List.of(
            "SELECT 'a;b'",
            "SELECT E'x\\';y'",
            "SELECT \"semi;colon\" FROM t",
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$",
            "DO $tag$ BEGIN EXECUTE 'DROP TABLE x;'; END $tag$",
            "SELECT 1 /* a; /* b; */ c; */",
            "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END",
            "ALTER TABLE orders ADD COLUMN note text",
            "SELECT $1, a$b$c FROM t");

    @Property(tries = 500)
    void neverThrowsOnAnyText(@ForAll String text) {
        List<SqlStatement> statements = SqlSplitter.split(text, "any.sql");
        assertThat(statements).allSatisfy(s -> assertThat(s.text()).isNotBlank());
    }

    @Property(tries = 300)
    void neverThrowsOnSqlLikeCharacters(@ForAll("sqlish") String text) {
        SqlSplitter.split(text, "any.sql");
    }

    @Provide
    Arbitrary<String> sqlish() {
        return Arbitraries.strings()
                .withChars("$;'\"-/*\\\nEab ATOMICBEGINENDCASE")
                .ofMaxLength(200);
    }

    @Property(tries = 300)
    void boundariesDoNotMoveWithWhitespaceAndCommentsBetweenStatements(
            @ForAll("statementLists") List<String> statements, @ForAll("separators") List<String> separators) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            sql.append(separators.get(i % separators.size()))
                    .append(statements.get(i))
                    .append(';');
        }
        assertThat(SqlSplitter.split(sql.toString(), "gen.sql"))
                .extracting(SqlStatement::text)
                .containsExactlyElementsOf(statements);
    }

    @Provide
    Arbitrary<List<String>> statementLists() {
        return Arbitraries.of(TRICKY).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of(
                        " ",
                        "\n",
                        "\n\n  ",
                        "-- comment; with semicolon\n",
                        "/* block; */ ",
                        "\t/* a /* nested */ b */\n")
                .list()
                .ofMinSize(1)
                .ofMaxSize(5);
    }
}
