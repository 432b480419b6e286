package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.LintStatement;


/** Finds column types in CREATE TABLE and ALTER TABLE statements, for the rules about type choices. */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /**
     * True when one of {@code types} (a word, or two words such as {@code CHARACTER VARYING}) appears where a type does:
     * after a column name in a column list or after ADD [COLUMN] name / TYPE. Words inside strings are never seen.
     */
    static boolean has(LintStatement s, String... types) {
        java.util.Set<String> written = s.typeWords();
        for (String type : types) {
            if (written.contains(type)) {
                return true;
            }
        }
        return false;
    }
}
