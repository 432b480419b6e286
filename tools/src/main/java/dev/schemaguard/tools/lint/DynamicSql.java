package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;
import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements a DO block or function runs through {@code EXECUTE 'literal'}: a literal string is the statement it
 * runs, so it is linted like one, at the line of its EXECUTE. Strings built by concatenation or format() are not known
 * until run time and are left alone.
 */
final class DynamicSql {

    private DynamicSql() {}

    static List<SqlStatement> in(StatementShape statement) {
        if (!(statement.startsWith("DO")
                || statement.startsWith("CREATE")
                        && (statement.contains("FUNCTION") || statement.contains("PROCEDURE")))) {
            return List.of();
        }
        List<SqlStatement> found = new ArrayList<>();
        for (SqlTokens.Token body : statement.tokens()) {
            if (body.type() != SqlTokens.Type.STRING || !body.raw().startsWith("$")) {
                continue;
            }
            int tagEnd = body.raw().indexOf('$', 1) + 1;
            String code =
                    body.raw().substring(tagEnd, Math.max(tagEnd, body.raw().length() - tagEnd));
            List<SqlTokens.Token> tokens = SqlTokens.tokenize(code);
            for (int i = 0; i + 1 < tokens.size(); i++) {
                SqlTokens.Token literal = tokens.get(i + 1);
                boolean concatenated =
                        i + 2 < tokens.size() && tokens.get(i + 2).raw().equals("|");
                if (tokens.get(i).is("EXECUTE")
                        && literal.type() == SqlTokens.Type.STRING
                        && literal.raw().startsWith("'")
                        && !concatenated) {
                    String sql = literal.raw()
                            .substring(1, literal.raw().length() - 1)
                            .replace("''", "'");
                    int offset = body.offset() + tagEnd + literal.offset();
                    int line = statement.source().line() + count(statement.text(), offset);
                    for (SqlStatement inner :
                            SqlSplitter.split(sql, statement.source().file())) {
                        found.add(new SqlStatement(
                                inner.text(),
                                inner.file(),
                                line + inner.line() - 1,
                                inner.column(),
                                inner.offset(),
                                "",
                                inner.kind(),
                                inner.terminated()));
                    }
                }
            }
        }
        return found;
    }

    private static int count(String text, int end) {
        int lines = 0;
        for (int i = 0; i < Math.min(end, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
