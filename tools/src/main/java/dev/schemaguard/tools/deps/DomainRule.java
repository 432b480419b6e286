package dev.schemaguard.tools.deps;

import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/**
 * Which rule of a domain an {@code ALTER DOMAIN} changes, as its tokens say.
 *
 * @param action     add-check, drop-constraint, set-not-null, drop-not-null, set-default, drop-default, validate or
 *                   other (rename, owner, schema: no rule changes)
 * @param constraint the constraint's name, where the statement gives one
 * @param check      for add-check, the CHECK's expression as written (over {@code VALUE})
 * @param notValid   for add-check, whether it is added NOT VALID (existing rows are not checked)
 */
record DomainRule(String action, String constraint, String check, boolean notValid) {

    static DomainRule of(StatementShape s) {
        if (s.contains("ADD") && s.contains("CHECK")) {
            int add = s.find(0, "ADD");
            String name = s.matchesAt(add + 1, "CONSTRAINT") ? s.nameAt(add + 2) : null;
            return new DomainRule(
                    "add-check", name, parenthesised(s, s.find(add, "CHECK") + 1), s.contains("NOT", "VALID"));
        }
        if (s.contains("ADD", "CONSTRAINT") && s.contains("NOT", "NULL")) {
            return new DomainRule("set-not-null", null, null, false);
        }
        if (s.contains("DROP", "CONSTRAINT")) {
            return new DomainRule("drop-constraint", s.nameAt(s.find(0, "CONSTRAINT") + 1), null, false);
        }
        if (s.contains("SET", "NOT", "NULL")) {
            return new DomainRule("set-not-null", null, null, false);
        }
        if (s.contains("DROP", "NOT", "NULL")) {
            return new DomainRule("drop-not-null", null, null, false);
        }
        if (s.contains("SET", "DEFAULT")) {
            return new DomainRule("set-default", null, null, false);
        }
        if (s.contains("DROP", "DEFAULT")) {
            return new DomainRule("drop-default", null, null, false);
        }
        if (s.contains("VALIDATE", "CONSTRAINT")) {
            return new DomainRule("validate", s.nameAt(s.find(0, "CONSTRAINT") + 1), null, false);
        }
        return new DomainRule("other", null, null, false);
    }

    /**
     * Whether values the domain accepted before may be refused after: a CHECK or NOT NULL added (a NOT VALID check
     * only for new writes), a constraint validated, or a default dropped (a write that leaves the column out stores
     * NULL).
     */
    boolean tightens() {
        return List.of("add-check", "set-not-null", "validate", "drop-default").contains(action);
    }

    /** Whether values the domain refused before may be stored after: a constraint or NOT NULL dropped. */
    boolean loosens() {
        return action.equals("drop-constraint") || action.equals("drop-not-null");
    }

    String shown() {
        return switch (action) {
            case "add-check" -> "CHECK (" + check + ")" + (notValid ? " NOT VALID" : "") + " added";
            case "drop-constraint" -> "constraint " + constraint + " dropped";
            case "set-not-null" -> "NOT NULL added";
            case "drop-not-null" -> "NOT NULL dropped";
            case "set-default" -> "default set";
            case "drop-default" -> "default dropped";
            case "validate" -> "constraint " + constraint + " validated";
            default -> "no rule";
        };
    }

    /**
     * The condition a row of {@code column} breaks the rule by, as SQL over that column: the CHECK's negation with
     * VALUE replaced, or {@code column IS NULL}; null where no row can break it.
     */
    String brokenBy(String column) {
        return switch (action) {
            case "add-check" -> "NOT (" + overColumn(column) + ")";
            case "set-not-null" -> column + " IS NULL";
            default -> null;
        };
    }

    /** The CHECK with each VALUE keyword (not a string or a quoted name that spells it) replaced by the column. */
    private String overColumn(String column) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (SqlTokens.Token t : SqlTokens.tokenize(check)) {
            if (t.is("VALUE")) {
                out.append(check, at, t.offset()).append(column);
                at = t.offset() + t.raw().length();
            }
        }
        return out.append(check.substring(at)).toString();
    }

    /** The text inside the parentheses that open at token {@code open}, as written. */
    private static String parenthesised(StatementShape s, int open) {
        List<SqlTokens.Token> tokens = s.tokens();
        if (open <= 0 || open >= tokens.size() || !tokens.get(open).raw().equals("(")) {
            return "?";
        }
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String raw = tokens.get(i).raw();
            depth += raw.equals("(") ? 1 : raw.equals(")") ? -1 : 0;
            if (depth == 0) {
                String text = s.text();
                int from = tokens.get(open).offset() + 1;
                int to = tokens.get(i).offset();
                return from <= to && to <= text.length()
                        ? text.substring(from, to).strip()
                        : "?";
            }
        }
        return "?";
    }
}
