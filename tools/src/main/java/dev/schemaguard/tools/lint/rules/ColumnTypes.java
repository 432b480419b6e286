package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.SqlTokens;

import java.util.List;

/** Finds column types in CREATE TABLE and ALTER TABLE statements, for the rules about type choices. */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /**
     * True when one of {@code types} (a word, or two words such as {@code CHARACTER VARYING}) appears where a type does:
     * after a column name in a column list or after ADD [COLUMN] name / TYPE. Words inside strings are never seen.
     */
    static boolean has(LintStatement s, String... types) {
        java.util.Set<String> written = s.typeWords(ColumnTypes::isTypePosition);
        for (String type : types) {
            if (written.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /** A type follows a column name (a word after "(" or ",", or after COLUMN / ADD) or the keyword TYPE. */
    static boolean isTypePosition(List<SqlTokens.Token> tokens, int i) {
        SqlTokens.Token previous = tokens.get(i - 1);
        if (previous.is("TYPE")) {
            return true;
        }
        if (i < 2 || (previous.type() != SqlTokens.Type.WORD && previous.type() != SqlTokens.Type.QUOTED_IDENTIFIER)) {
            return false;
        }
        SqlTokens.Token before = tokens.get(i - 2);
        return before.raw().equals("(") || before.raw().equals(",") || before.is("COLUMN")
                || (before.is("ADD") && !previous.is("CONSTRAINT") && !previous.is("COLUMN"));
    }
}
