package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a statement is understood. The statement kinds the rules read from tokens (DDL, DML, transaction
 * control, DO blocks, function bodies …) are recognised by their leading keywords — the fast path, which keeps a
 * 100,000-statement corpus in the time of a process start. Anything else goes to JSqlParser (PostgreSQL dialect);
 * what neither understands is reported once as {@code unparsed-statement} and linted by keywords only.
 */
public final class StatementRecognizer {

    private static final Set<String> KNOWN_FIRST_WORDS = Set.of(
            "ALTER",
            "CREATE",
            "DROP",
            "INSERT",
            "UPDATE",
            "DELETE",
            "SELECT",
            "WITH",
            "SET",
            "RESET",
            "BEGIN",
            "START",
            "COMMIT",
            "ROLLBACK",
            "END",
            "ABORT",
            "SAVEPOINT",
            "RELEASE",
            "COMMENT",
            "GRANT",
            "REVOKE",
            "TRUNCATE",
            "VACUUM",
            "ANALYZE",
            "ANALYSE",
            "CLUSTER",
            "REINDEX",
            "REFRESH",
            "DO",
            "COPY",
            "LOCK",
            "CALL",
            "NOTIFY",
            "SECURITY",
            "PREPARE",
            "EXECUTE",
            "DEALLOCATE",
            "DISCARD",
            "CHECKPOINT",
            "LISTEN",
            "UNLISTEN",
            "IMPORT",
            "MERGE",
            "VALUES",
            "TABLE",
            "EXPLAIN",
            "LOAD",
            "REASSIGN");

    private StatementRecognizer() {}

    /** Empty when understood; otherwise why not (JSqlParser's message, first line). */
    public static Optional<String> whyNotUnderstood(StatementShape statement) {
        if (statement.tokens().isEmpty()) {
            return Optional.empty();
        }
        SqlTokens.Token first = statement.tokens().get(0);
        if (first.type() == SqlTokens.Type.WORD && KNOWN_FIRST_WORDS.contains(first.value())) {
            return Optional.empty();
        }
        try {
            CCJSqlParser parser =
                    CCJSqlParserUtil.newParser(statement.text()).withDialect(AbstractJSqlParser.Dialect.POSTGRESQL);
            parser.Statement();
            return Optional.empty();
        } catch (Exception | Error e) { // the generated parser signals bad input with TokenMgrError too
            String message = String.valueOf(e.getMessage());
            int newline = message.indexOf('\n');
            return Optional.of(newline > 0 ? message.substring(0, newline) : message);
        }
    }
}
