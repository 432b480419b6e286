package dev.schemaguard.tools.sql;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.postgresql.jdbc.PreferQueryMode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL decides where a statement ends. The guard classifies the statements its splitter proposes; each is then
 * handed to the JDBC driver only where the driver, reading it as the connection's settings say, also sees exactly one
 * statement, so the driver sends it as one Parse message of the extended protocol. PostgreSQL refuses a Parse message
 * holding more than one command ("cannot insert multiple commands into a prepared statement"), so a piece that is
 * more than one statement to PostgreSQL fails before anything in it runs, whatever our lexer or the driver's thought.
 */
public final class SingleStatementCheck {

    private SingleStatementCheck() {}

    /** @return null when the driver sees one statement, read with standard_conforming_strings on, else why not */
    public static String problem(String sql) {
        return problem(sql, true);
    }

    /** @return null when the driver sees one statement, else why not */
    public static String problem(String sql, boolean standardConformingStrings) {
        if (sql.indexOf('\0') >= 0) {
            return "it holds a NUL character, which PostgreSQL never receives: the text it runs would not be the text judged";
        }
        try {
            List<NativeQuery> queries = Parser.parseJdbcSql(sql, standardConformingStrings, false, true, false, false);
            long nonEmpty = queries.stream().filter(q -> !q.nativeSql.isBlank()).count();
            return nonEmpty == 1 ? null : "the JDBC driver reads " + nonEmpty + " statements where the guard read one";
        } catch (SQLException e) {
            return "the JDBC driver cannot parse it: " + e.getMessage();
        }
    }

    /**
     * The same check as the connection will read {@code sql}: with its current standard_conforming_strings, and only
     * on a connection that sends statements in the extended protocol (the simple protocol runs any number of them).
     */
    public static String problem(Connection c, String sql) throws SQLException {
        BaseConnection base = c.unwrap(BaseConnection.class);
        if (base.getQueryExecutor().getPreferQueryMode() == PreferQueryMode.SIMPLE) {
            return "the connection is set to the simple query protocol (preferQueryMode=simple), where PostgreSQL runs "
                    + "every statement in a message; remove it from the environment's URL";
        }
        return problem(sql, base.getStandardConformingStrings());
    }
}
