package dev.schemaguard.tools.sql;

import dev.schemaguard.tools.testing.TestPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The splitter proposes statement boundaries; PostgreSQL's own scanner is the judge. Each generated script is valid
 * SQL built from the lexical elements where hand-written lexers go wrong (comments ended by CR, nested block comments,
 * {@code E''} after a word, {@code U&} strings and identifiers with {@code UESCAPE}, tagged dollar quotes, backslashes
 * under both values of {@code standard_conforming_strings}, non-ASCII letters and spaces, {@code begin atomic} as
 * names), and is sent whole in one simple-protocol message: the results PostgreSQL returns are its statement count.
 * Each piece the splitter finds must then be exactly one statement to PostgreSQL too.
 */
@Tag("database")
class SplitterAgreesWithPostgresTest {

    private static final String DATABASE = "splitter_differential";
    private static Connection standard;
    private static Connection legacy;

    @BeforeContainer
    static void connect() throws SQLException {
        try (Connection c = TestPostgres.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        standard = simpleProtocol();
        legacy = simpleProtocol();
        try (Statement s = standard.createStatement()) {
            s.execute("CREATE TABLE begin (atomic int)");
            s.execute("INSERT INTO begin VALUES (1)");
        }
        try (Statement s = legacy.createStatement()) {
            s.execute("SET standard_conforming_strings = off");
            s.execute("SET escape_string_warning = off");
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        standard.close();
        legacy.close();
    }

    /** No driver-side splitting or rewriting: the text goes to the server exactly as written, in one Query message. */
    private static Connection simpleProtocol() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("preferQueryMode", "simple");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.server().getPort() + "/" + DATABASE;
        return DriverManager.getConnection(url, p);
    }

    @Property(tries = 1500)
    void withStandardConformingStrings(@ForAll("standardScripts") String script) throws SQLException {
        assertAgrees(script, standard, true);
    }

    @Property(tries = 700)
    void withBackslashEscapesInEveryString(@ForAll("legacyScripts") String script) throws SQLException {
        assertAgrees(script, legacy, false);
    }

    @Example
    void theDefectsFoundByHandStayFixed() throws SQLException {
        assertAgrees("SELECT 1 --\r; SELECT 2", standard, true);
        assertAgrees("SELECT name'\\'; SELECT 2; SELECT '\\'", standard, true);
        assertAgrees("SELECT * FROM begin atomic; SELECT 2; SELECT 1 AS \"end\"", standard, true);
        assertAgrees("SELECT 'a\\'; SELECT 2; '", legacy, false);
        assertAgrees("SELECT $€$;$€$; SELECT 2", standard, true);
        assertAgrees("SELECT 'x'\u00a0; SELECT 2", standard, true);
    }

    private static void assertAgrees(String script, Connection postgres, boolean standardConformingStrings)
            throws SQLException {
        List<String> pieces = SqlSplitter.split(script, "differential", standardConformingStrings).stream()
                .filter(s -> s.kind() == SqlStatement.Kind.SQL)
                .map(SqlStatement::text)
                .toList();
        assertThat(pieces).as("statements in %s", printable(script)).hasSize(statementsRun(postgres, script));
        for (String piece : pieces) {
            assertThat(statementsRun(postgres, piece))
                    .as("statements PostgreSQL runs for the piece %s", printable(piece))
                    .isEqualTo(1);
        }
    }

    private static int statementsRun(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            boolean isResultSet = s.execute(sql);
            int count = 0;
            while (isResultSet || s.getUpdateCount() != -1) {
                count++;
                isResultSet = s.getMoreResults();
            }
            return count;
        }
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\f", "\\f").replace("\u000B", "\\v");
    }

    @Provide
    Arbitrary<String> standardScripts() {
        return scripts(true);
    }

    @Provide
    Arbitrary<String> legacyScripts() {
        return scripts(false);
    }

    private static Arbitrary<String> scripts(boolean scs) {
        Arbitrary<String> statement = Arbitraries.oneOf(
                Combinators.combine(literal(scs), gap(), identifier(scs))
                        .as((l, g, i) -> "SELECT " + l + g + "AS" + g + i),
                Combinators.combine(literal(scs), gap(), literal(scs))
                        .as((a, g, b) -> "VALUES" + g + "(" + a + "," + g + b + ")"),
                Combinators.combine(gap(), standardString(scs)).as((g, l) -> "SELECT" + g + "name" + l),
                Combinators.combine(gap(), identifier(scs))
                        .as((g, i) -> "SELECT atomic" + g + "AS " + i + " FROM begin atomic"),
                Combinators.combine(gap(), literal(scs))
                        .as((g, l) -> "CREATE OR REPLACE FUNCTION pg_temp.f() RETURNS int" + g
                                + "LANGUAGE sql BEGIN ATOMIC SELECT 1;" + g + "SELECT length(" + l + "::text);" + g
                                + "END"));
        return Combinators.combine(
                        statement.list().ofMinSize(1).ofMaxSize(4), gap(), Arbitraries.of("", ";", ";;", ";" + "\r"))
                .as((statements, gap, end) -> String.join(";" + gap, statements) + end);
    }

    /** What PostgreSQL skips between tokens: its six whitespace characters and both kinds of comment. */
    private static Arbitrary<String> gap() {
        Arbitrary<String> space = Arbitraries.of(" ", "\n", "\t", "\r", "\f", "\r\n");
        Arbitrary<String> lineComment = Combinators.combine(text("--;'\"$*/\\E "), Arbitraries.of("\n", "\r", "\r\n"))
                .as((body, end) -> "--" + body + end);
        Arbitrary<String> blockComment = Combinators.combine(text(";'\"$-\\\r\n "), text(";'-\r\n "))
                .as((outer, inner) ->
                        "/*" + outer.replace("*", "") + "/* " + inner + " */" + outer.replace("/", "") + "*/");
        return Arbitraries.oneOf(space, lineComment, blockComment)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(l -> String.join("", l) + " ");
    }

    private static Arbitrary<String> literal(boolean scs) {
        Arbitrary<String> escape =
                text(";'\\-\r\n\"$").map(t -> "E'" + t.replace("\\", "\\\\").replace("'", "\\'") + "'");
        Arbitrary<String> dollar = Combinators.combine(Arbitraries.of("", "x", "tag", "€", "é1"), text(";'\"\\-$\r\n"))
                .as((tag, body) -> "$" + tag + "$" + body.replace("$", "") + "$" + tag + "$");
        Arbitrary<String> unicode = text(";'\"-\r\n").map(t -> "U&'" + t.replace("'", "''") + "\\0041'");
        Arbitrary<String> unicodeEscape = text(";\"-").map(t -> "U&'" + t.replace("!", "") + "!0041' UESCAPE '!'");
        Arbitrary<String> bits = Arbitraries.of("B'1010'", "X'1F'", "42", "1.5e3", "N'n;'");
        return scs
                ? Arbitraries.oneOf(standardString(true), escape, dollar, unicode, unicodeEscape, bits)
                : Arbitraries.oneOf(standardString(false), escape, dollar, bits);
    }

    /** A plain '…' string, written as the server reads it under the given standard_conforming_strings. */
    private static Arbitrary<String> standardString(boolean scs) {
        return text(";'\\-\r\n\"$*/").map(t -> "'" + (scs ? t : t.replace("\\", "\\\\")).replace("'", "''") + "'");
    }

    private static Arbitrary<String> identifier(boolean scs) {
        Arbitrary<String> plain =
                Arbitraries.of("a", "e", "u", "x$y", "é", "a\u00a0b", "ñame", "atomic", "begin", "\u3000x");
        Arbitrary<String> quoted = text(";'\"-\\\r\n$ ").map(t -> "\"" + t.replace("\"", "\"\"") + "x\"");
        Arbitrary<String> unicode = text(";'-").map(t -> "U&\"" + t.replace("\\", "") + "\\0061\"");
        return Arbitraries.oneOf(plain, quoted, unicode);
    }

    private static Arbitrary<String> text(String special) {
        return Arbitraries.strings().withChars(special + "ab1").ofMaxLength(12);
    }
}
