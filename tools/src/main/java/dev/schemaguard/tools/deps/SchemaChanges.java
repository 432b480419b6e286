package dev.schemaguard.tools.deps;

import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;
import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds, statement by statement, the changes of a migration that affect existing tables and columns. */
final class SchemaChanges {

    private SchemaChanges() {}

    static List<SchemaChange> of(String sql) {
        List<SchemaChange> changes = new ArrayList<>();
        List<SqlStatement> statements = SqlSplitter.split(sql, "migration.sql");
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement source = statements.get(i);
            StatementShape s = StatementShape.of(source);
            String text = source.text().trim();
            if (s.startsWith("DROP", "TABLE")) {
                int at = s.matchesAt(2, "IF") ? 4 : 2;
                for (String table : names(s, at)) {
                    changes.add(new SchemaChange(
                            i,
                            source.line(),
                            text,
                            ChangeKind.DROPPED_TABLE,
                            "breaks",
                            qualify(table),
                            "the table and its rows are gone"));
                }
                continue;
            }
            String table = s.alteredTable();
            if (table == null) {
                continue;
            }
            String target = qualify(table);
            List<SqlTokens.Token> t = s.tokens();
            int start = 2;
            if (s.matchesAt(start, "IF", "EXISTS")) {
                start += 2;
            }
            if (s.matchesAt(start, "ONLY")) {
                start++;
            }
            start += table.split("\\.").length * 2 - 1;
            for (int k = start; k < t.size(); k++) {
                if (s.matchesAt(k, "DROP", "COLUMN")
                        || (s.matchesAt(k, "DROP") && k + 1 < t.size() && !isKeyword(t.get(k + 1)))) {
                    int c = s.matchesAt(k, "DROP", "COLUMN") ? k + 2 : k + 1;
                    if (s.matchesAt(c, "IF", "EXISTS")) {
                        c += 2;
                    }
                    changes.add(new SchemaChange(
                            i,
                            source.line(),
                            text,
                            ChangeKind.DROPPED_COLUMN,
                            "breaks",
                            target + "." + unquote(t.get(c).raw()),
                            "the column and its values are gone"));
                } else if (s.matchesAt(k, "RENAME")) {
                    StatementShape.Rename r = s.rename().orElse(null);
                    if (r != null && r.kind() == StatementShape.Rename.Kind.COLUMN) {
                        changes.add(new SchemaChange(
                                i,
                                source.line(),
                                text,
                                ChangeKind.RENAMED_COLUMN,
                                "breaks",
                                target + "." + unquote(r.from().raw()),
                                "renamed to " + unquote(r.to().raw()) + ": code that uses the old name fails"));
                    } else if (r != null && r.kind() == StatementShape.Rename.Kind.TABLE) {
                        changes.add(new SchemaChange(
                                i,
                                source.line(),
                                text,
                                ChangeKind.RENAMED_TABLE,
                                "breaks",
                                target,
                                "renamed to " + unquote(r.to().raw()) + ": code that uses the old name fails"));
                    }
                    break; // a rename is the statement's only action
                } else if (s.matchesAt(k, "ALTER")
                        && k + 1 < t.size()
                        && (s.matchesAt(k + 1, "COLUMN") || !isKeyword(t.get(k + 1)))) {
                    int c = s.matchesAt(k + 1, "COLUMN") ? k + 2 : k + 1;
                    if (c >= t.size()) {
                        continue;
                    }
                    String column = target + "." + unquote(t.get(c).raw());
                    if (s.matchesAt(c + 1, "TYPE") || s.matchesAt(c + 1, "SET", "DATA", "TYPE")) {
                        changes.add(new SchemaChange(
                                i,
                                source.line(),
                                text,
                                ChangeKind.TYPE_CHANGE,
                                "changes",
                                column,
                                "new type: values read and written may convert differently, or fail"));
                    } else if (s.matchesAt(c + 1, "SET", "NOT", "NULL")) {
                        changes.add(new SchemaChange(
                                i,
                                source.line(),
                                text,
                                ChangeKind.NOT_NULL,
                                "changes",
                                column,
                                "writers that leave it empty now fail"));
                    }
                } else if (s.matchesAt(k, "ON", "DELETE") || s.matchesAt(k, "ON", "UPDATE")) {
                    if (s.contains("ADD", "CONSTRAINT") || s.contains("FOREIGN", "KEY")) {
                        changes.add(new SchemaChange(
                                i,
                                source.line(),
                                text,
                                ChangeKind.FK_ACTION,
                                "changes",
                                target,
                                "a foreign key's " + t.get(k + 1).value().toLowerCase(Locale.ROOT)
                                        + " action is set: deletes and updates of "
                                        + "referenced rows behave differently"));
                        break;
                    }
                }
            }
        }
        return changes;
    }

    /**
     * A change to a type rather than to a column: an enum value added or renamed, a type renamed or moved, a composite
     * type's attributes, a domain's constraints, default or nullability. What it reaches is every column of that type.
     *
     * @param type   the type as written, qualified (public. when not)
     * @param values for an enum value added, the value; renamed, the old value and the new; empty otherwise
     * @param placed for an enum value added, whether BEFORE or AFTER another
     * @param domain for a domain's change, which rule changes; null otherwise
     */
    record TypeChange(
            int statement,
            int line,
            String sql,
            ChangeKind change,
            String severity,
            String type,
            String detail,
            List<String> values,
            boolean placed,
            DomainRule domain) {

        TypeChange(
                int statement,
                int line,
                String sql,
                ChangeKind change,
                String severity,
                String type,
                String detail,
                List<String> values,
                boolean placed) {
            this(statement, line, sql, change, severity, type, detail, values, placed, null);
        }

        TypeChange(
                int statement, int line, String sql, ChangeKind change, String severity, String type, String detail) {
            this(statement, line, sql, change, severity, type, detail, List.of());
        }

        TypeChange(
                int statement,
                int line,
                String sql,
                ChangeKind change,
                String severity,
                String type,
                String detail,
                List<String> values) {
            this(statement, line, sql, change, severity, type, detail, values, false);
        }
    }

    static List<TypeChange> typeChanges(String sql) {
        List<TypeChange> changes = new ArrayList<>();
        List<SqlStatement> statements = SqlSplitter.split(sql, "migration.sql");
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement source = statements.get(i);
            StatementShape s = StatementShape.of(source);
            String text = source.text().trim();
            boolean domain = s.startsWith("ALTER", "DOMAIN");
            if (!s.startsWith("ALTER", "TYPE") && !domain) {
                continue;
            }
            String name = s.nameAt(2);
            if (name == null) {
                continue;
            }
            String type = qualify(name);
            List<String> literals = s.tokens().stream()
                    .filter(t -> t.type() == SqlTokens.Type.STRING)
                    .map(t -> t.value())
                    .toList();
            TypeChange change;
            if (!domain && s.contains("ADD", "VALUE")) {
                String value = literals.isEmpty() ? "?" : literals.get(0);
                boolean placed = s.contains("BEFORE") || s.contains("AFTER");
                change = new TypeChange(
                        i,
                        source.line(),
                        text,
                        ChangeKind.ENUM_VALUE_ADDED,
                        "changes",
                        type,
                        "a new value " + value
                                + " of " + type
                                + ": readers that map every value (Java enums, switch statements, validation lists) may "
                                + "fail on it"
                                + (placed
                                        ? "; placed BEFORE/AFTER another, it shifts the position of the values after it "
                                                + "(ordinal mappings read them wrongly)"
                                        : ""),
                        literals.isEmpty() ? List.of() : List.of(unquoted(literals.get(0))),
                        placed);
            } else if (!domain && s.contains("RENAME", "VALUE")) {
                change = new TypeChange(
                        i,
                        source.line(),
                        text,
                        ChangeKind.ENUM_VALUE_RENAMED,
                        "breaks",
                        type,
                        "the value "
                                + (literals.isEmpty() ? "?" : literals.get(0)) + " is renamed to "
                                + (literals.size() > 1 ? literals.get(1) : "?")
                                + ": stored rows change, and code that compares with or maps the old label fails",
                        literals.size() > 1
                                ? List.of(unquoted(literals.get(0)), unquoted(literals.get(1)))
                                : List.of());
            } else if (s.contains("RENAME", "TO")) {
                change = new TypeChange(
                        i,
                        source.line(),
                        text,
                        ChangeKind.TYPE_RENAMED,
                        "breaks",
                        type,
                        "the type is renamed: SQL that names it (casts, function signatures) fails");
            } else if (s.contains("SET", "SCHEMA")) {
                change = new TypeChange(
                        i,
                        source.line(),
                        text,
                        ChangeKind.TYPE_MOVED,
                        "breaks",
                        type,
                        "the type moves to another schema: SQL that names it qualified fails");
            } else if (!domain && (s.contains("ATTRIBUTE"))) {
                change = new TypeChange(
                        i,
                        source.line(),
                        text,
                        ChangeKind.ATTRIBUTE_CHANGED,
                        "breaks",
                        type,
                        "the composite type's attributes change: code that reads or builds its values by position or name fails");
            } else if (domain) {
                DomainRule rule = DomainRule.of(s);
                change = new TypeChange(
                        i,
                        source.line(),
                        text,
                        ChangeKind.DOMAIN_CHANGED,
                        rule.tightens() ? "breaks" : "changes",
                        type,
                        rule.tightens()
                                ? "the domain's rules tighten (" + rule.shown() + "): writes of values it now refuses "
                                        + "fail, and the statement fails while any row of its columns breaks the rule"
                                : "the domain's rules change (" + rule.shown() + "): reads may see values it used to "
                                        + "refuse",
                        List.of(),
                        false,
                        rule);
            } else {
                continue;
            }
            changes.add(change);
        }
        return changes;
    }

    /** A string literal's value: {@code 'on''hold'} → {@code on'hold}. */
    private static String unquoted(String literal) {
        String s = literal;
        if (s.startsWith("E'") || s.startsWith("e'")) {
            s = s.substring(1);
        }
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'")
                ? s.substring(1, s.length() - 1).replace("''", "'")
                : s;
    }

    private static boolean isKeyword(SqlTokens.Token t) {
        return t.type() == SqlTokens.Type.WORD
                && java.util.Set.of(
                                "CONSTRAINT", "DEFAULT", "NOT", "IDENTITY", "EXPRESSION", "COLUMN", "TYPE", "SET", "IF")
                        .contains(t.value());
    }

    private static List<String> names(StatementShape s, int from) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < s.tokens().size(); ) {
            String name = s.nameAt(i);
            if (name == null || s.tokens().get(i).type() == SqlTokens.Type.PUNCTUATION) {
                break;
            }
            names.add(name);
            i += name.split("\\.").length * 2 - 1;
            if (i < s.tokens().size() && s.tokens().get(i).raw().equals(",")) {
                i++;
            } else {
                break;
            }
        }
        return names;
    }

    private static String unquote(String name) {
        return name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1)
                : name.toLowerCase(Locale.ROOT);
    }

    static String qualify(String name) {
        List<String> parts = new ArrayList<>();
        for (String p : name.split("\\.")) {
            parts.add(unquote(p));
        }
        if (parts.size() == 1) {
            parts.add(0, "public");
        }
        return String.join(".", parts);
    }
}
