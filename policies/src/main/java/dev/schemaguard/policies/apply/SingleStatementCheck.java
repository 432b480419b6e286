package dev.schemaguard.policies.apply;

import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

import java.sql.SQLException;
import java.util.List;

/**
 * The driver's own view of a statement. The guard classified the statements its splitter found; if the JDBC driver
 * would split one of them further (a disagreement over quoting, dollar quotes or comments), the extra statement would
 * run unchecked. So each statement is passed to the driver only after the driver's parser agrees it is exactly one.
 */
final class SingleStatementCheck {

    private SingleStatementCheck() {
    }

    /** @return null when the driver sees one statement, else why not */
    static String problem(String sql) {
        try {
            List<NativeQuery> queries = Parser.parseJdbcSql(sql, true, false, true, false, false);
            long nonEmpty = queries.stream().filter(q -> !q.nativeSql.isBlank()).count();
            return nonEmpty == 1 ? null : "the JDBC driver reads " + nonEmpty + " statements where the guard read one";
        } catch (SQLException e) {
            return "the JDBC driver cannot parse it: " + e.getMessage();
        }
    }
}
