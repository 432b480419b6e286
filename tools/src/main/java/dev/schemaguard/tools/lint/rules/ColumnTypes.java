package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.sql.StatementShape;

/** Finds column types in CREATE TABLE and ALTER TABLE statements, for the rules about type choices. */
final class ColumnTypes {

    private ColumnTypes() {}

    /**
     * True when one of {@code types} (a word, or two words such as {@code CHARACTER VARYING}) appears where a type does:
     * after a column name in a column list or after ADD [COLUMN] name / TYPE. Words inside strings are never seen.
     */
    static boolean has(StatementShape s, String... types) {
        java.util.Set<String> written = s.typeWords();
        for (String type : types) {
            if (written.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a column of one of {@code types} holds values of its own: not one whose definition says REFERENCES, as
     * a foreign key's type is the referenced key's (crates.io: "required to use INTEGER … a foreign key to users.id").
     */
    static boolean hasOwnValues(StatementShape s, String... types) {
        java.util.Set<String> wanted = java.util.Set.of(types);
        java.util.List<dev.schemaguard.tools.sql.SqlTokens.Token> tokens = s.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).type() == dev.schemaguard.tools.sql.SqlTokens.Type.WORD
                    && wanted.contains(tokens.get(i).value())
                    && s.isTypeAt(i)) {
                int references = s.find(i, "REFERENCES");
                if (references < 0 || references > s.topLevelComma(i)) {
                    return true;
                }
            }
        }
        return false;
    }
}
