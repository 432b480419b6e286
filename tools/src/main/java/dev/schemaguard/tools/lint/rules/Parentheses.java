package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The parenthesised text right after a token, e.g. the column list after UNIQUE. */
final class Parentheses {

    private Parentheses() {}

    /** The text from the "(" following token {@code index} to its matching ")", or null when none follows. */
    static String after(StatementShape s, int index) {
        List<SqlTokens.Token> tokens = s.tokens();
        if (index + 1 >= tokens.size() || !tokens.get(index + 1).raw().equals("(")) {
            return null;
        }
        int depth = 0;
        for (int i = index + 1; i < tokens.size(); i++) {
            depth += tokens.get(i).raw().equals("(") ? 1 : tokens.get(i).raw().equals(")") ? -1 : 0;
            if (depth == 0) {
                return s.text()
                        .substring(tokens.get(index + 1).offset(), tokens.get(i).offset() + 1);
            }
        }
        return null;
    }
}
