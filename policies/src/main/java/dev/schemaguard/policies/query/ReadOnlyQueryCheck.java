package dev.schemaguard.policies.query;

import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;
import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a query is a plain read: one SELECT (or WITH … SELECT, VALUES, TABLE), no INTO, no row locks, no
 * data-modifying WITH, and none of the built-in functions that act outside the query (cancel or kill sessions, read
 * or write server files, run SQL given as a string, change settings, take advisory locks, sleep). The READ ONLY
 * transaction it then runs in stops writes; this stops what READ ONLY does not.
 */
public final class ReadOnlyQueryCheck {

    /** pg_* functions that only read catalog facts; every other pg_* function is refused. */
    private static final Set<String> SAFE_PG_FUNCTIONS = Set.of(
            "pg_size_pretty",
            "pg_relation_size",
            "pg_total_relation_size",
            "pg_table_size",
            "pg_indexes_size",
            "pg_database_size",
            "pg_column_size",
            "pg_typeof",
            "pg_get_viewdef",
            "pg_get_indexdef",
            "pg_get_constraintdef",
            "pg_get_functiondef",
            "pg_get_triggerdef",
            "pg_get_expr",
            "pg_get_userbyid",
            "pg_get_serial_sequence",
            "pg_table_is_visible",
            "pg_type_is_visible",
            "pg_function_is_visible",
            "pg_encoding_to_char",
            "pg_get_function_arguments",
            "pg_get_function_result");

    private static final Set<String> REFUSED_FUNCTIONS = Set.of(
            "set_config",
            "dblink",
            "dblink_exec",
            "dblink_connect",
            "query_to_xml",
            "query_to_xmlschema",
            "query_to_xml_and_xmlschema",
            "cursor_to_xml",
            "cursor_to_xmlschema",
            "table_to_xml",
            "schema_to_xml",
            "database_to_xml",
            "nextval",
            "setval",
            "txid_current",
            "lo_import",
            "lo_export",
            "lo_unlink",
            "lo_create",
            "lo_open",
            "lo_put",
            "lo_from_bytea",
            "currval",
            "lastval");

    private ReadOnlyQueryCheck() {}

    /** @return null when it is a plain read, else why it is refused */
    public static String problem(String sql) {
        List<SqlStatement> statements = SqlSplitter.split(sql, "query").stream()
                .filter(s -> s.kind() == SqlStatement.Kind.SQL && !s.text().isBlank())
                .toList();
        if (statements.size() != 1) {
            return "give exactly one statement (this holds " + statements.size() + ")";
        }
        StatementShape s = StatementShape.of(statements.get(0));
        if (!(s.startsWith("SELECT")
                || s.startsWith("WITH")
                || s.startsWith("VALUES")
                || s.startsWith("TABLE")
                || s.startsWith("("))) {
            return "only a SELECT is run here; changes go through apply_migration";
        }
        List<SqlTokens.Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            if (t.type() != SqlTokens.Type.WORD && t.type() != SqlTokens.Type.QUOTED_IDENTIFIER) {
                continue;
            }
            String word = t.value().toLowerCase(Locale.ROOT);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).raw().equals("(");
            if (call
                    && (REFUSED_FUNCTIONS.contains(word)
                            || word.startsWith("lo_")
                            || word.startsWith("dblink")
                            || (word.startsWith("pg_") && !SAFE_PG_FUNCTIONS.contains(word)))) {
                return "calls " + word + "(), which acts outside the query; it is not run";
            }
            if (t.type() == SqlTokens.Type.WORD
                    && Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "INTO", "TRUNCATE", "COPY")
                            .contains(t.value())) {
                boolean rowLockClause = t.value().equals("UPDATE")
                        && i > 0
                        && (tokens.get(i - 1).is("FOR") || tokens.get(i - 1).is("KEY"));
                return rowLockClause
                        ? "FOR UPDATE / FOR SHARE lock rows; a read does not"
                        : t.value() + " is not part of a plain read";
            }
            if (t.type() == SqlTokens.Type.WORD
                    && t.value().equals("FOR")
                    && i + 1 < tokens.size()
                    && (tokens.get(i + 1).is("SHARE")
                            || tokens.get(i + 1).is("UPDATE")
                            || tokens.get(i + 1).is("NO")
                            || tokens.get(i + 1).is("KEY"))) {
                return "FOR UPDATE / FOR SHARE lock rows; a read does not";
            }
        }
        try {
            Statement parsed = CCJSqlParserUtil.parse(statements.get(0).text(), p -> p.withTimeOut(2000));
            if (!(parsed instanceof Select select)) {
                return "only a SELECT is run here";
            }
            if (select instanceof PlainSelect plain && plain.getIntoTables() != null) {
                return "SELECT … INTO creates a table; changes go through apply_migration";
            }
            if (!(select instanceof PlainSelect
                    || select instanceof SetOperationList
                    || select instanceof ParenthesedSelect
                    || select.getClass().getSimpleName().equals("Values")
                    || select.getClass().getSimpleName().equals("TableStatement"))) {
                return "not a plain read (" + select.getClass().getSimpleName() + ")";
            }
        } catch (Exception e) {
            // PostgreSQL syntax JSqlParser does not know: the token checks above and the READ ONLY transaction still
            // hold
            return null;
        }
        return null;
    }
}
