package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;
import dev.schemaguard.tools.text.EditDistance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The syntax errors the linter can tell without PostgreSQL's parser: a statement whose first word is no PostgreSQL
 * command ({@code CREAT INDEX}), and an {@code ALTER TABLE} action misspelt ({@code ADD COLUM priority int}). What
 * else does not parse shows in dry_run, where PostgreSQL reads it; the linter never passes such a statement silently
 * with advice that repeats it.
 */
final class StatementSyntax {

    /** Every command PostgreSQL's grammar starts a statement with (its SQL Commands reference). */
    private static final Set<String> COMMANDS = Set.of(
            "ABORT",
            "ALTER",
            "ANALYZE",
            "ANALYSE",
            "BEGIN",
            "CALL",
            "CHECKPOINT",
            "CLOSE",
            "CLUSTER",
            "COMMENT",
            "COMMIT",
            "COPY",
            "CREATE",
            "DEALLOCATE",
            "DECLARE",
            "DELETE",
            "DISCARD",
            "DO",
            "DROP",
            "END",
            "EXECUTE",
            "EXPLAIN",
            "FETCH",
            "GRANT",
            "IMPORT",
            "INSERT",
            "LISTEN",
            "LOAD",
            "LOCK",
            "MERGE",
            "MOVE",
            "NOTIFY",
            "PREPARE",
            "REASSIGN",
            "REFRESH",
            "REINDEX",
            "RELEASE",
            "RESET",
            "REVOKE",
            "ROLLBACK",
            "SAVEPOINT",
            "SECURITY",
            "SELECT",
            "SET",
            "SHOW",
            "START",
            "TABLE",
            "TRUNCATE",
            "UNLISTEN",
            "UPDATE",
            "VACUUM",
            "VALUES",
            "WITH");

    private static final Set<String> TABLE_ACTIONS = Set.of(
            "ADD",
            "DROP",
            "ALTER",
            "RENAME",
            "SET",
            "RESET",
            "VALIDATE",
            "ENABLE",
            "DISABLE",
            "ATTACH",
            "DETACH",
            "OWNER",
            "CLUSTER",
            "INHERIT",
            "NO",
            "REPLICA",
            "FORCE",
            "OF",
            "NOT",
            "ALL");
    private static final List<String> SUBJECTS = List.of("COLUMN", "CONSTRAINT");
    /** Words that continue a type written as two words (double precision, character varying, time with time zone …). */
    private static final Set<String> TYPE_CONTINUATIONS =
            Set.of("PRECISION", "VARYING", "WITH", "WITHOUT", "ZONE", "TIME");

    private StatementSyntax() {}

    static Optional<String> problem(StatementShape s) {
        List<SqlTokens.Token> tokens = s.tokens();
        if (tokens.isEmpty() || tokens.get(0).type() != SqlTokens.Type.WORD) {
            return tokens.isEmpty() || tokens.get(0).raw().equals("(")
                    ? Optional.empty()
                    : Optional.of(
                            "a statement cannot begin with " + tokens.get(0).raw());
        }
        String first = tokens.get(0).value().toUpperCase(Locale.ROOT);
        if (!COMMANDS.contains(first)) {
            return Optional.of(
                    "\"" + tokens.get(0).raw() + "\" is not a PostgreSQL command" + nearest(first, COMMANDS));
        }
        if (s.startsWith("ALTER", "TABLE")) {
            return alterTableAction(s);
        }
        return Optional.empty();
    }

    private static Optional<String> alterTableAction(StatementShape s) {
        List<SqlTokens.Token> tokens = s.tokens();
        int i = 2;
        if (is(tokens, i, "IF") && is(tokens, i + 1, "EXISTS")) {
            i += 2;
        }
        if (is(tokens, i, "ONLY")) {
            i++;
        }
        if (is(tokens, i, "ALL") && is(tokens, i + 1, "IN")) {
            return Optional.empty(); // ALTER TABLE ALL IN TABLESPACE …
        }
        i = afterName(tokens, i);
        if (i < tokens.size() && tokens.get(i).raw().equals("*")) {
            i++;
        }
        while (i < tokens.size()) {
            SqlTokens.Token action = tokens.get(i);
            String word = action.value().toUpperCase(Locale.ROOT);
            if (action.type() != SqlTokens.Type.WORD || !TABLE_ACTIONS.contains(word)) {
                return Optional.of(
                        "\"" + action.raw() + "\" is not an ALTER TABLE action" + nearest(word, TABLE_ACTIONS));
            }
            if ((word.equals("ADD") || word.equals("DROP") || word.equals("ALTER")) && i + 1 < tokens.size()) {
                SqlTokens.Token subject = tokens.get(i + 1);
                String misspelt =
                        subject.type() == SqlTokens.Type.WORD ? subject.value().toUpperCase(Locale.ROOT) : "";
                // ADD COLUM priority int: a near-COLUMN word followed by a name and a type that is not one type
                if (!SUBJECTS.contains(misspelt)
                        && SUBJECTS.stream().anyMatch(w -> EditDistance.between(w, misspelt) == 1)
                        && i + 3 < tokens.size()
                        && tokens.get(i + 2).type() == SqlTokens.Type.WORD
                        && tokens.get(i + 3).type() == SqlTokens.Type.WORD
                        && !TYPE_CONTINUATIONS.contains(
                                tokens.get(i + 3).value().toUpperCase(Locale.ROOT))) {
                    return Optional.of("\"" + subject.raw() + "\" where " + word + " expects a column"
                            + nearest(misspelt, Set.copyOf(SUBJECTS)));
                }
            }
            i = Math.min(s.topLevelComma(i) + 1, tokens.size());
        }
        return Optional.empty();
    }

    private static int afterName(List<SqlTokens.Token> tokens, int i) {
        if (i < tokens.size()) {
            i++;
        }
        while (i + 1 < tokens.size() && tokens.get(i).raw().equals(".")) {
            i += 2;
        }
        return i;
    }

    private static boolean is(List<SqlTokens.Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).is(word);
    }

    private static String nearest(String word, Set<String> candidates) {
        return candidates.stream()
                .filter(c -> EditDistance.between(c, word) <= 2)
                .sorted()
                .findFirst()
                .map(c -> " (did you mean " + c + "?)")
                .orElse("");
    }
}
