package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The {@code changing-column-type} rule; what it guards against is its explanation, below. */
public final class ChangingColumnType extends RuleBase {

    public ChangingColumnType() {
        super(
                "changing-column-type",
                Category.REWRITE,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "ALTER COLUMN ... TYPE rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock, unless the change is binary-coercible (varchar(n) to a longer varchar or to text, numeric(p,s) to a larger precision with the same scale). When the old type is known (from the environment or this migration) those changes are allowed. Otherwise add a new column, backfill it in batches, and switch over.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        int type = s.find(0, "TYPE");
        if (table == null || type < 0 || state.createdHere(table) || !s.contains("ALTER")) {
            return List.of();
        }
        // the ALTER [COLUMN] action that holds this TYPE, not the statement's first one (crates.io alters kind, then
        // features)
        int action = -1;
        for (int at = s.find(2, "ALTER"); at >= 0 && at < type; at = s.find(at + 1, "ALTER")) {
            action = at;
        }
        if (action < 0) {
            return List.of();
        }
        String column = s.nameAt(s.matchesAt(action + 1, "COLUMN") ? action + 2 : action + 1);
        String newType = typeText(s, type + 1);
        Optional<String> oldType = state.table(table).flatMap(t -> t.columnType(column));
        if (oldType.isPresent() && binaryCoercible(oldType.get(), newType) && !s.contains("USING")) {
            return List.of();
        }
        if (oldType.isPresent()
                && state.targetVersion() >= 12
                && state.timeZoneUtc()
                && !s.contains("USING")
                && isTimestamp(oldType.get())
                && isTimestampTz(newType)) {
            return List.of(); // PostgreSQL 12+: with the session in UTC the stored values do not change, no rewrite
        }
        String from = oldType.map(t -> " from " + t).orElse("");
        String unknown = oldType.isPresent()
                ? ""
                : " (the old type is not known: lint with an environment to allow binary-coercible changes)";
        String bare = column.replace("\"", "");
        return List.of(finding(
                s,
                "changing " + table + "." + column + from + " to " + newType
                        + " rewrites the table and its indexes under a lock that blocks reads and writes" + unknown,
                "ALTER TABLE " + table + " ADD COLUMN " + bare + "_new " + newType + ";\n"
                        + "-- keep both in step (trigger or application), backfill in batches:\n"
                        + "UPDATE " + table + " SET " + bare + "_new = " + column + "::" + newType
                        + " WHERE <primary key range>;\n"
                        + "-- then, in a later release: switch readers, drop " + column + ", rename " + bare + "_new"));
    }

    private static String typeText(StatementShape s, int from) {
        StringBuilder type = new StringBuilder();
        int depth = 0;
        for (SqlTokens.Token t : s.tokens().subList(from, s.tokens().size())) {
            if (depth == 0 && (t.is("USING") || t.is("COLLATE") || t.raw().equals(","))) {
                break;
            }
            depth += t.raw().equals("(") ? 1 : t.raw().equals(")") ? -1 : 0;
            if (!type.isEmpty()
                    && !t.raw().equals("(")
                    && !t.raw().equals(")")
                    && !type.toString().endsWith("(")) {
                type.append(' ');
            }
            type.append(t.raw().toLowerCase(Locale.ROOT));
        }
        return type.toString().replace(" ,", ",").replace(", ", ",");
    }

    private static boolean isTimestamp(String type) {
        String t = canonical(type);
        return t.equals("timestamp") || t.equals("timestampwithouttimezone");
    }

    private static boolean isTimestampTz(String type) {
        String t = canonical(type);
        return t.equals("timestamptz") || t.equals("timestampwithtimezone");
    }

    /** The changes PostgreSQL makes without a rewrite: only the typmod grows, or varchar becomes text. */
    static boolean binaryCoercible(String oldType, String newType) {
        String from = canonical(oldType);
        String to = canonical(newType);
        if (from.equals(to)) {
            return true;
        }
        String fromBase = from.replaceAll("\\(.*", "");
        String toBase = to.replaceAll("\\(.*", "");
        if (fromBase.equals("varchar") && (to.equals("text") || to.equals("varchar"))) {
            return true;
        }
        if (fromBase.equals("varchar") && toBase.equals("varchar")) {
            return length(to, 0) >= length(from, 0);
        }
        if (fromBase.equals("numeric") && to.equals("numeric")) {
            return true;
        }
        if (fromBase.equals("numeric") && toBase.equals("numeric") && from.contains("(")) {
            return length(to, 0) >= length(from, 0) && length(to, 1) == length(from, 1);
        }
        return Set.of("cidr").contains(fromBase) && to.equals("inet");
    }

    private static String canonical(String type) {
        return type.toLowerCase(Locale.ROOT)
                .replace(" ", "")
                .replace("charactervarying", "varchar")
                .replace("decimal", "numeric");
    }

    private static int length(String type, int index) {
        int open = type.indexOf('(');
        if (open < 0) {
            return Integer.MAX_VALUE;
        }
        String[] parts = type.substring(open + 1, type.indexOf(')', open)).split(",");
        return index < parts.length ? Integer.parseInt(parts[index].trim()) : 0;
    }
}
