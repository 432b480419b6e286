package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.PostgresVersions;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.lint.SqlTokens;

import java.util.List;
import java.util.Set;

/** The {@code adding-field-with-default} rule; what it guards against is its explanation, below. */
public final class AddingFieldWithDefault extends RuleBase {

    /** Functions whose value differs per row: as a column default they force a rewrite. */
    private static final Set<String> VOLATILE = Set.of("RANDOM", "CLOCK_TIMESTAMP", "TIMEOFDAY", "GEN_RANDOM_UUID",
            "UUID_GENERATE_V1", "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "UUIDV7", "UUIDV4", "NEXTVAL", "TXID_CURRENT", "SETSEED");
    /** Functions known to be stable or immutable: evaluated once, stored in the catalog, no rewrite. */
    private static final Set<String> NON_VOLATILE = Set.of("NOW", "CURRENT_TIMESTAMP", "STATEMENT_TIMESTAMP",
            "TRANSACTION_TIMESTAMP", "CURRENT_DATE", "LOCALTIMESTAMP", "CURRENT_USER", "LOWER", "UPPER", "COALESCE",
            "JSONB_BUILD_OBJECT", "JSON_BUILD_OBJECT", "ARRAY", "ROW", "MAKE_INTERVAL", "TO_JSONB", "CONCAT");

    public AddingFieldWithDefault() {
        super("adding-field-with-default", Category.REWRITE, Severity.ERROR, LockMode.ACCESS_EXCLUSIVE,
                "Adding a column whose default is volatile (random(), clock_timestamp(), gen_random_uuid(), a serial's nextval) or a STORED generated column rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock. Since PostgreSQL 11 a constant or stable default is stored in the catalog and costs nothing; before 11 every default rewrites. Add the column without the default, set the default for new rows, and backfill existing rows in batches.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        String table = s.alteredTable();
        int add = s.find(0, "ADD");
        if (table == null || add < 0 || state.createdHere(table) || s.matchesAt(add + 1, "CONSTRAINT")
                || s.matchesAt(add + 1, "PRIMARY") || s.matchesAt(add + 1, "UNIQUE") || s.matchesAt(add + 1, "CHECK")
                || s.matchesAt(add + 1, "FOREIGN") || s.matchesAt(add + 1, "EXCLUDE")) {
            return List.of();
        }
        int nameAt = s.matchesAt(add + 1, "COLUMN") ? add + 2 : add + 1;
        nameAt = s.matchesAt(nameAt, "IF", "NOT", "EXISTS") ? nameAt + 3 : nameAt;
        String column = s.nameAt(nameAt);
        String type = s.nameAt(nameAt + 1);
        if (s.contains("GENERATED", "ALWAYS", "AS") && s.contains("STORED")) {
            return List.of(finding(s, "a STORED generated column " + column + " rewrites " + table + " under an ACCESS EXCLUSIVE lock",
                    "ALTER TABLE " + table + " ADD COLUMN " + column + " " + type + ";\n"
                            + "-- keep it filled by the application or a trigger, backfill existing rows in batches:\n"
                            + "UPDATE " + table + " SET " + column + " = <expression> WHERE <primary key range>;"));
        }
        if (type != null && Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL4", "SERIAL8", "SERIAL2").contains(type.toUpperCase(java.util.Locale.ROOT))) {
            return List.of(finding(s, "a " + type + " column fills every existing row from a sequence: " + table + " is rewritten",
                    "ALTER TABLE " + table + " ADD COLUMN " + column + " bigint;\n"
                            + "CREATE SEQUENCE " + table + "_" + column + "_seq OWNED BY " + table + "." + column + ";\n"
                            + "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT nextval('" + table + "_" + column + "_seq');\n"
                            + "-- backfill existing rows in batches:\n"
                            + "UPDATE " + table + " SET " + column + " = nextval('" + table + "_" + column + "_seq') WHERE " + column + " IS NULL AND <primary key range>;"));
        }
        int defaultAt = s.find(nameAt, "DEFAULT");
        if (defaultAt < 0) {
            return List.of();
        }
        String expression = defaultExpression(s, defaultAt + 1);
        String fix = "ALTER TABLE " + table + " ADD COLUMN " + column + " " + type + ";\n"
                + "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT " + expression + ";\n"
                + "-- backfill existing rows in batches:\n"
                + "UPDATE " + table + " SET " + column + " = " + expression + " WHERE " + column + " IS NULL AND <primary key range>;";
        if (state.targetVersion() < 11) {
            return List.of(finding(s, "before PostgreSQL 11 any DEFAULT on a new column rewrites " + table, fix));
        }
        String volatility = volatility(s, defaultAt + 1);
        if (volatility.equals("volatile")) {
            return List.of(finding(s, "the volatile default " + expression + " is computed for every row: " + table + " is rewritten", fix));
        }
        if (volatility.equals("unknown")) {
            return List.of(finding(s, Severity.WARNING, "default " + expression + " calls a function whose volatility is not known here; if it is volatile, "
                    + table + " is rewritten", fix));
        }
        return List.of();
    }

    private static String volatility(LintStatement s, int from) {
        List<SqlTokens.Token> tokens = s.tokens();
        String result = "stable";
        for (int i = from; i + 1 < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            if (t.type() == SqlTokens.Type.WORD && Set.of("NOT", "NULL", "CONSTRAINT", "REFERENCES", "CHECK", "PRIMARY", "UNIQUE").contains(t.value())
                    && i > from) {
                break;
            }
            boolean call = t.type() == SqlTokens.Type.WORD && tokens.get(i + 1).raw().equals("(");
            if (call && VOLATILE.contains(t.value())) {
                return "volatile";
            }
            if (call && !NON_VOLATILE.contains(t.value()) && !tokens.get(i - 1).raw().equals(":")) {
                result = "unknown";
            }
        }
        return result;
    }

    private static String defaultExpression(LintStatement s, int from) {
        List<SqlTokens.Token> tokens = s.tokens();
        int depth = 0;
        int end = from;
        for (; end < tokens.size(); end++) {
            SqlTokens.Token t = tokens.get(end);
            depth += t.raw().equals("(") ? 1 : t.raw().equals(")") ? -1 : 0;
            if (depth == 0 && end > from && t.type() == SqlTokens.Type.WORD
                    && Set.of("NOT", "NULL", "CONSTRAINT", "REFERENCES", "CHECK", "PRIMARY", "UNIQUE", "COLLATE").contains(t.value())
                    || depth < 0 || depth == 0 && t.raw().equals(",")) {
                break;
            }
        }
        int start = tokens.get(from).offset();
        int stop = end < tokens.size() ? tokens.get(end).offset() : s.text().length();
        return s.text().substring(start, stop).trim();
    }
}
