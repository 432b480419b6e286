package dev.schemaguard.policies.classify;

import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.sql.SqlStatement;
import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sorts each statement of a migration into the change classes a policy decides on. Errs on the strict side: code
 * whose effect is unknown (a DO block, a function called in a SELECT) counts as DDL, DML and destructive at once.
 */
public final class StatementClassifier {

    private static final Set<String> DDL_FIRST_WORDS = Set.of(
            "CREATE",
            "ALTER",
            "DROP",
            "COMMENT",
            "REINDEX",
            "CLUSTER",
            "VACUUM",
            "ANALYZE",
            "REFRESH",
            "SECURITY",
            "IMPORT",
            "LOCK");
    private static final Set<String> PRIVILEGE_OBJECTS = Set.of("ROLE", "USER", "GROUP", "POLICY", "OWNED", "DEFAULT");
    /**
     * Settings refused on sight: they change who runs the SQL or bypass triggers. A first pass only — the apply compares
     * the session's settings before and after every statement (SessionSettings), so any spelling, and any function that
     * sets one, is caught by what it changed; timeouts are judged there too (tighter is allowed).
     */
    private static final Set<String> GUARDED_SETTINGS = Set.of(
            "ROLE",
            "SESSION",
            "SESSION_AUTHORIZATION",
            "DEFAULT_TRANSACTION_READ_ONLY",
            "TRANSACTION",
            "ALL",
            "SESSION_REPLICATION_ROLE",
            "STANDARD_CONFORMING_STRINGS",
            "BACKSLASH_QUOTE");

    private static final Set<String> TRANSACTION_CONTROL =
            Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE");
    /** Words followed by "(" that are not function calls. */
    private static final Set<String> NOT_FUNCTIONS = Set.of(
            "IN",
            "VALUES",
            "EXISTS",
            "AS",
            "ON",
            "USING",
            "OVER",
            "FILTER",
            "WITHIN",
            "AND",
            "OR",
            "NOT",
            "SELECT",
            "FROM",
            "WHERE",
            "ANY",
            "ALL",
            "SOME",
            "ARRAY",
            "ROW",
            "CAST",
            "JOIN",
            "LATERAL",
            "COUNT",
            "SUM",
            "MIN",
            "MAX",
            "AVG",
            "COALESCE",
            "NULLIF",
            "GREATEST",
            "LEAST",
            "LOWER",
            "UPPER",
            "LENGTH",
            "TRIM",
            "SUBSTRING",
            "NOW",
            "ABS",
            "ROUND",
            "DATE_TRUNC",
            "EXTRACT",
            "INTERVAL",
            "WITH",
            "BY",
            "THEN",
            "ELSE",
            "WHEN",
            "CASE",
            "IS",
            "LIKE",
            "ILIKE",
            "BETWEEN",
            "LIMIT",
            "OFFSET",
            "HAVING",
            "GROUP",
            "ORDER");

    private StatementClassifier() {}

    /**
     * @param statements the migration, split; psql meta-commands included (they are refused)
     * @param findings   lint findings on the migration (matched to statements by file and line)
     */
    public static List<ClassifiedStatement> classify(
            List<SqlStatement> statements, List<Finding> findings, TableSizeLookup sizes) {
        List<ClassifiedStatement> result = new ArrayList<>();
        int outerBegin = outerTransactionWrapper(statements);
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement source = statements.get(i);
            List<Finding> own = findingsOf(source, i + 1 < statements.size() ? statements.get(i + 1) : null, findings);
            boolean wrapper = outerBegin >= 0 && (i == outerBegin || i == statements.size() - 1);
            result.add(classify(i, source, own, sizes, wrapper));
        }
        return result;
    }

    /** Index of a leading BEGIN when the migration is wrapped as BEGIN; … COMMIT; (the wrapper is fine), else -1. */
    private static int outerTransactionWrapper(List<SqlStatement> statements) {
        if (statements.size() < 2) {
            return -1;
        }
        StatementShape first = StatementShape.of(statements.get(0));
        StatementShape last = StatementShape.of(statements.get(statements.size() - 1));
        boolean begins =
                first.tokens().size() <= 3 && (first.startsWith("BEGIN") || first.startsWith("START", "TRANSACTION"));
        boolean commits = last.tokens().size() <= 2 && (last.startsWith("COMMIT") || last.startsWith("END"));
        return begins && commits ? 0 : -1;
    }

    private static List<Finding> findingsOf(SqlStatement statement, SqlStatement next, List<Finding> findings) {
        List<Finding> own = new ArrayList<>();
        for (Finding f : findings) {
            boolean sameFile =
                    f.file() == null || statement.file() == null || f.file().equals(statement.file());
            boolean inRange = f.line() >= statement.line()
                    && (next == null
                            || f.line() < next.line()
                            || (f.line() == next.line() && f.column() < next.column()));
            if (sameFile && inRange) {
                own.add(f);
            }
        }
        return own;
    }

    static ClassifiedStatement classify(
            int index, SqlStatement source, List<Finding> findings, TableSizeLookup sizes, boolean transactionWrapper) {
        if (source.kind() == SqlStatement.Kind.PSQL_META) {
            return new ClassifiedStatement(
                    index,
                    source.file(),
                    source.line(),
                    source.text(),
                    "psql meta-command",
                    EnumSet.noneOf(ChangeClass.class),
                    LockMode.NONE,
                    null,
                    -1,
                    -1,
                    "a psql meta-command is not SQL: the database never runs it, and apply refuses a migration that holds one",
                    findings);
        }
        StatementShape s = StatementShape.of(source);
        String kind = kind(s);
        EnumSet<ChangeClass> classes = EnumSet.noneOf(ChangeClass.class);
        String first = s.tokens().isEmpty() ? "" : s.tokens().get(0).value();
        String refusal = transactionWrapper ? null : refusal(s, first);
        if (DDL_FIRST_WORDS.contains(first)) {
            classes.add(ChangeClass.DDL);
        }
        if (first.equals("DROP")
                || first.equals("TRUNCATE")
                || first.equals("DELETE")
                || (first.equals("ALTER")
                        && s.contains("DROP")
                        && !s.contains("DROP", "DEFAULT")
                        && !s.contains("DROP", "NOT", "NULL"))
                || (first.equals("WITH") && s.contains("DELETE"))
                || (first.equals("MERGE") && s.contains("DELETE"))) {
            classes.add(ChangeClass.DESTRUCTIVE);
        }
        if (first.equals("TRUNCATE")) {
            classes.add(ChangeClass.DATA_LOSS);
        }
        if (breaksRunningCode(s)) {
            classes.add(ChangeClass.BACKWARD_INCOMPATIBLE);
        }
        if (Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "COPY").contains(first)
                || (first.equals("WITH") && (s.contains("INSERT") || s.contains("UPDATE") || s.contains("DELETE")))) {
            classes.add(ChangeClass.DML);
        }
        if (first.equals("GRANT") || first.equals("REVOKE") || first.equals("REASSIGN") || isPrivilegeDdl(s)) {
            classes.add(ChangeClass.PRIVILEGE);
        }
        LockMode lock = StatementLocks.of(s);
        if (isOpaque(s, first)) {
            classes.addAll(EnumSet.of(ChangeClass.OPAQUE, ChangeClass.DDL, ChangeClass.DML, ChangeClass.DESTRUCTIVE));
            lock = LockMode.ACCESS_EXCLUSIVE;
        }
        for (Finding f : findings) {
            switch (f.category()) {
                case DATA_LOSS -> classes.add(ChangeClass.DATA_LOSS);
                case REWRITE -> classes.add(ChangeClass.REWRITE);
                case BACKWARD_INCOMPATIBLE -> classes.add(ChangeClass.BACKWARD_INCOMPATIBLE);
                case SECURITY -> classes.add(ChangeClass.PRIVILEGE);
                default -> {}
            }
        }
        if (lock.blocksWrites()) {
            classes.add(ChangeClass.LOCKING);
        }
        String table = normalise(s.targetTable());
        TableSizeLookup.Size size = table == null ? TableSizeLookup.Size.UNKNOWN : sizes.of(table);
        return new ClassifiedStatement(
                index,
                source.file(),
                source.line(),
                source.text(),
                kind,
                classes,
                lock,
                table,
                size.rows(),
                size.bytes(),
                refusal,
                findings);
    }

    /** Code written against the old schema fails: a name it uses is gone, renamed, or has another type. */
    private static boolean breaksRunningCode(StatementShape s) {
        if (s.startsWith("DROP")
                && s.tokens().size() > 1
                && Set.of("TABLE", "VIEW", "MATERIALIZED", "FUNCTION", "PROCEDURE", "SCHEMA", "TYPE", "SEQUENCE")
                        .contains(s.tokens().get(1).value())) {
            return true;
        }
        return s.startsWith("ALTER")
                && (s.contains("DROP", "COLUMN")
                        || s.contains("RENAME")
                        || s.contains("TYPE") && s.contains("ALTER", "COLUMN")
                        || s.contains("SET", "SCHEMA"));
    }

    private static boolean isPrivilegeDdl(StatementShape s) {
        if ((s.startsWith("CREATE") || s.startsWith("ALTER") || s.startsWith("DROP"))
                && s.tokens().size() > 1
                && PRIVILEGE_OBJECTS.contains(s.tokens().get(1).value())) {
            return true;
        }
        return s.contains("OWNER", "TO") || s.contains("ROW", "LEVEL", "SECURITY") || s.contains("SECURITY", "DEFINER");
    }

    /** DO blocks, CALL, and reads that call functions: what they do is only known when they run. */
    private static boolean isOpaque(StatementShape s, String first) {
        if (first.equals("DO") || first.equals("CALL") || first.equals("EXECUTE")) {
            return true;
        }
        List<SqlTokens.Token> tokens = s.tokens();
        if (Set.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(first)) {
            // a DML statement may call functions (now(), lower() …); those that act outside the statement make it
            // opaque
            for (int i = 0; i + 1 < tokens.size(); i++) {
                String word = tokens.get(i).value().toLowerCase(Locale.ROOT);
                if (tokens.get(i + 1).raw().equals("(")
                        && (word.startsWith("pg_")
                                || word.startsWith("lo_")
                                || word.startsWith("dblink")
                                || word.equals("set_config"))) {
                    return true;
                }
            }
            return false;
        }
        if (!(first.equals("SELECT") || first.equals("WITH") || first.equals("VALUES"))) {
            return false;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            boolean callLike = (t.type() == SqlTokens.Type.WORD || t.type() == SqlTokens.Type.QUOTED_IDENTIFIER)
                    && tokens.get(i + 1).raw().equals("(");
            if (callLike && !NOT_FUNCTIONS.contains(t.value())) {
                return true;
            }
        }
        return false;
    }

    private static String refusal(StatementShape s, String first) {
        if (TRANSACTION_CONTROL.contains(first)) {
            return "transaction control (" + first
                    + ") inside a migration: apply runs the migration in its own transaction; "
                    + "a COMMIT or ROLLBACK in the middle would end it early and leave a half-applied change";
        }
        if ((first.equals("SET") || first.equals("RESET")) && s.tokens().size() > 1) {
            int at = s.matchesAt(1, "LOCAL")
                            || s.matchesAt(1, "SESSION")
                                    && !s.matchesAt(2, "AUTHORIZATION")
                                    && !s.matchesAt(2, "CHARACTERISTICS")
                    ? 2
                    : 1;
            String setting = at < s.tokens().size() ? s.tokens().get(at).value().toUpperCase(Locale.ROOT) : "";
            if (GUARDED_SETTINGS.contains(setting) || s.contains("AUTHORIZATION")) {
                return first + " " + setting.toLowerCase(Locale.ROOT)
                        + " changes who runs the migration or how its text is read; "
                        + "the role is the environment's configured user, and quoting and replication settings are the environment's";
            }
        }
        if (first.equals("COPY") && (s.contains("PROGRAM") || hasServerFile(s))) {
            return "COPY to or from a program or a server file reaches outside the database";
        }
        if (first.equals("LOAD")
                || s.startsWith("ALTER", "SYSTEM")
                || first.equals("CHECKPOINT")
                || first.equals("LISTEN")
                || first.equals("NOTIFY")
                || first.equals("DISCARD")) {
            return first + " is not a schema change; apply does not run it";
        }
        return null;
    }

    private static boolean hasServerFile(StatementShape s) {
        int from = Math.max(s.find(0, "FROM"), s.find(0, "TO"));
        return from > 0
                && from + 1 < s.tokens().size()
                && s.tokens().get(from + 1).type() == SqlTokens.Type.STRING;
    }

    private static String kind(StatementShape s) {
        List<SqlTokens.Token> tokens = s.tokens();
        if (tokens.isEmpty()) {
            return "empty";
        }
        String first = tokens.get(0).value();
        StringBuilder kind = new StringBuilder(first);
        if (Set.of("CREATE", "ALTER", "DROP").contains(first)) {
            for (int i = 1; i < Math.min(tokens.size(), 5); i++) {
                String w = tokens.get(i).value();
                if (Set.of(
                                "OR",
                                "REPLACE",
                                "UNIQUE",
                                "TEMP",
                                "TEMPORARY",
                                "UNLOGGED",
                                "GLOBAL",
                                "LOCAL",
                                "MATERIALIZED",
                                "RECURSIVE",
                                "CONSTRAINT",
                                "DEFAULT",
                                "TRUSTED",
                                "PROCEDURAL")
                        .contains(w)) {
                    continue;
                }
                kind.append(' ').append(w);
                break;
            }
        }
        return kind.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code Public."Orders"} → {@code public.Orders}; unqualified names are in public. */
    static String normalise(String name) {
        if (name == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.")) {
            parts.add(
                    part.startsWith("\"") && part.endsWith("\"") && part.length() > 1
                            ? part.substring(1, part.length() - 1)
                            : part.toLowerCase(Locale.ROOT));
        }
        if (parts.size() == 1) {
            parts.add(0, "public");
        }
        return String.join(".", parts.subList(parts.size() - 2, parts.size()));
    }
}
