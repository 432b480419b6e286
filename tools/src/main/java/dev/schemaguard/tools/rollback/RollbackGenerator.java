package dev.schemaguard.tools.rollback;

import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.SqlTokens;
import dev.schemaguard.tools.lint.split.SqlStatement;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code generate_rollback} use case's core: the down migration that turns the schema after a migration back into
 * the schema before it. It works from the two schemas (each object's full definition is in the before-script, so a
 * dropped column or index comes back exactly as it was) and reads the migration itself for what schemas cannot show:
 * renames, and statements that destroy data.
 */
public final class RollbackGenerator {

    /** Drop order: dependants before what they depend on (the reverse of the order objects are created in). */
    private static final List<String> DROP_ORDER = List.of("privilege", "owner", "comment", "policy", "rls", "owned-by", "trigger",
            "matview", "view", "function", "index", "fk", "constraint", "table");
    /** Dropped after the columns that may use them are gone. */
    private static final List<String> LATE_DROP_ORDER = List.of("sequence", "domain", "type", "schema", "extension");
    private static final List<String> CREATE_ORDER = List.of("role", "extension", "schema", "type", "domain", "sequence", "table",
            "constraint", "fk", "index", "function", "view", "matview", "trigger", "owned-by", "rls", "policy", "comment", "owner",
            "privilege");

    public Rollback generate(SchemaScript before, SchemaScript after, List<SqlStatement> migration) {
        Map<String, ScriptObject> old = index(before);
        Map<String, ScriptObject> now = index(after);
        Renames renames = Renames.of(migration);
        List<String> down = new ArrayList<>();
        List<String> dataLoss = new ArrayList<>(DataLoss.of(migration));
        List<String> irreversible = new ArrayList<>();

        // table renames first in reverse, so that the rest compares like with like
        for (Map.Entry<String, String> rename : renames.tables().entrySet()) {
            String renamedKey = "table:" + rename.getValue();
            ScriptObject renamed = now.remove(renamedKey);
            if (renamed != null) {
                down.add("ALTER TABLE " + rename.getValue() + " RENAME TO " + unqualified(rename.getKey()));
                now.put("table:" + rename.getKey(), new ScriptObject("table", "table:" + rename.getKey(), null,
                        renamed.statement().replaceFirst(java.util.regex.Pattern.quote(rename.getValue()),
                                java.util.regex.Matcher.quoteReplacement(rename.getKey()))));
            }
        }
        for (Map.Entry<String, String> rename : renames.tables().entrySet()) { // its indexes, constraints, triggers too
            for (ScriptObject o : List.copyOf(now.values())) {
                if (rename.getValue().equals(o.table())) {
                    now.remove(o.key());
                    ScriptObject back = ScriptObject.of(o.statement().replace(rename.getValue() + " ", rename.getKey() + " ")
                            .replace(rename.getValue() + "(", rename.getKey() + "("));
                    now.put(back.key(), back);
                }
            }
        }
        Set<String> recreated = new HashSet<>();
        down.addAll(drops(DROP_ORDER, old, now, irreversible, recreated));
        for (ScriptObject o : now.values()) {
            ScriptObject was = old.get(o.key());
            if (o.kind().equals("table") && was != null && !was.statement().equals(o.statement())) {
                down.addAll(TableChange.back(was.statement(), o.statement(), renames.columns(o.name()), irreversible));
            }
        }
        down.addAll(drops(LATE_DROP_ORDER, old, now, irreversible, recreated));
        for (String kind : CREATE_ORDER) {
            for (ScriptObject o : old.values()) {
                if (!o.kind().equals(kind)) {
                    continue;
                }
                ScriptObject is = now.get(o.key());
                boolean targetRecreated = kind.equals("comment") && recreated.stream()
                        .anyMatch(name -> o.name().endsWith(" " + name) || o.name().contains(" " + name + "."));
                if (is != null && is.statement().equals(o.statement()) && !targetRecreated) {
                    continue;
                }
                if (is != null && (kind.equals("table") || kind.equals("type") || kind.equals("domain") || kind.equals("sequence"))) {
                    continue; // altered in place above, or reported as irreversible
                }
                if (kind.equals("matview")) {
                    down.add(o.statement());
                    down.add("REFRESH MATERIALIZED VIEW " + o.name());
                    continue;
                }
                down.add(o.statement());
            }
        }
        // Roles are the cluster's, not the schema's: dropped only when this migration created them, after their privileges went.
        createdRoles(migration).forEach(role -> down.add("DROP ROLE " + role));
        return new Rollback(down, dataLoss, irreversible, "generated");
    }

    /** Roles (users, groups) the migration creates, as it names them. */
    public static List<String> createdRoles(List<SqlStatement> migration) {
        List<String> roles = new ArrayList<>();
        for (SqlStatement source : migration) {
            LintStatement s = LintStatement.of(source);
            if ((s.startsWith("CREATE", "ROLE") || s.startsWith("CREATE", "USER") || s.startsWith("CREATE", "GROUP")) && s.nameAt(2) != null) {
                roles.add(s.nameAt(2));
            }
        }
        return roles;
    }

    private static List<String> drops(List<String> kinds, Map<String, ScriptObject> old, Map<String, ScriptObject> now,
                                      List<String> irreversible, Set<String> recreated) {
        List<String> dropping = new ArrayList<>();
        for (String kind : kinds) {
            List<ScriptObject> ofKind = new ArrayList<>(now.values().stream().filter(o -> o.kind().equals(kind)).toList());
            java.util.Collections.reverse(ofKind);
            for (ScriptObject o : ofKind) {
                ScriptObject was = old.get(o.key());
                if (was != null && (was.statement().equals(o.statement()) || kind.equals("table") || kind.equals("function")
                        || kind.equals("comment") || kind.equals("owned-by") || kind.equals("owner"))) {
                    continue;
                }
                if (was != null && (kind.equals("type") || kind.equals("domain") || kind.equals("sequence"))) {
                    irreversible.add(o.name() + " was changed; PostgreSQL cannot take that back in place (an enum value "
                            + "cannot be dropped): rebuild the " + kind + " by hand if the change must go");
                    continue;
                }
                if (o.table() != null && !old.containsKey("table:" + o.table()) && !old.containsKey("matview:" + o.table())
                        && !old.containsKey("view:" + o.table()) && !old.containsKey("sequence:" + o.table())) {
                    continue; // goes with its table
                }
                String drop = drop(o, was == null);
                if (drop != null) {
                    dropping.add(drop);
                    if (was != null) {
                        recreated.add(o.name());
                    }
                }
            }
        }
        return dropping;
    }

    private static String drop(ScriptObject o, boolean added) {
        String name = o.name();
        return switch (o.kind()) {
            case "trigger" -> "DROP TRIGGER " + name.substring(name.lastIndexOf('.') + 1) + " ON " + o.table();
            case "matview" -> "DROP MATERIALIZED VIEW " + name;
            case "view" -> "DROP VIEW " + name;
            case "function" -> (o.statement().contains(" PROCEDURE ") && o.statement().startsWith("CREATE OR REPLACE PROCEDURE")
                    ? "DROP PROCEDURE " : "DROP FUNCTION ") + argumentNamesRemoved(name);
            case "index" -> "DROP INDEX " + name;
            case "fk", "constraint" -> "ALTER TABLE " + o.table() + " DROP CONSTRAINT " + name.substring(o.table().length() + 1);
            case "table" -> "DROP TABLE " + name;
            case "sequence" -> "DROP SEQUENCE " + name;
            case "domain" -> "DROP DOMAIN " + name;
            case "type" -> "DROP TYPE " + name;
            case "schema" -> "DROP SCHEMA " + name;
            case "extension" -> "DROP EXTENSION " + name;
            case "comment" -> added ? o.statement().replaceFirst("(?s) IS .*$", " IS NULL") : null;
            case "policy" -> "DROP POLICY " + name.substring(o.table().length() + 1) + " ON " + o.table();
            case "rls" -> "ALTER TABLE " + o.table() + (name.endsWith("ENABLE ROW LEVEL SECURITY") ? " DISABLE" : " NO FORCE")
                    + " ROW LEVEL SECURITY";
            case "privilege" -> o.statement().startsWith("GRANT ")
                    ? o.statement().replaceFirst("^GRANT ", "REVOKE ").replaceFirst(" TO (\\S+)( WITH GRANT OPTION)?$", " FROM $1")
                    : o.statement().replaceFirst("^REVOKE ", "GRANT ").replaceFirst(" FROM (\\S+)$", " TO $1");
            default -> null;
        };
    }

    /** {@code f(x integer, y text)} → {@code f(integer, text)}: DROP FUNCTION takes the argument types. */
    private static String argumentNamesRemoved(String signature) {
        int open = signature.indexOf('(');
        String args = signature.substring(open + 1, signature.length() - 1).strip();
        if (args.isEmpty()) {
            return signature;
        }
        List<String> types = new ArrayList<>();
        for (String arg : args.split(",")) {
            String[] words = arg.strip().split("\\s+");
            boolean named = words.length > 1 && !words[0].equalsIgnoreCase("double") && !words[0].equalsIgnoreCase("character")
                    && !words[0].equalsIgnoreCase("timestamp") && !words[0].equalsIgnoreCase("time");
            types.add(named ? arg.strip().substring(words[0].length()).strip() : arg.strip());
        }
        return signature.substring(0, open) + "(" + String.join(", ", types) + ")";
    }

    private static Map<String, ScriptObject> index(SchemaScript script) {
        Map<String, ScriptObject> objects = new LinkedHashMap<>();
        for (String statement : script.statements()) {
            ScriptObject o = ScriptObject.of(statement);
            objects.put(o.key(), o);
        }
        return objects;
    }

    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Renames the migration makes, which two schemas alone would show as a drop and an add. */
    record Renames(Map<String, String> tables, Map<String, Map<String, String>> columnsByTable) {

        Map<String, String> columns(String table) {
            return columnsByTable.getOrDefault(table, Map.of());
        }

        static Renames of(List<SqlStatement> migration) {
            Map<String, String> tables = new LinkedHashMap<>();
            Map<String, Map<String, String>> columns = new HashMap<>();
            for (SqlStatement source : migration) {
                LintStatement s = LintStatement.of(source);
                String table = s.alteredTable();
                if (table == null) {
                    continue;
                }
                String qualified = table.contains(".") ? table : "public." + table;
                int rename = s.find(0, "RENAME");
                if (rename < 0 || s.matchesAt(rename + 1, "CONSTRAINT")) {
                    continue;
                }
                if (s.matchesAt(rename + 1, "TO")) { // RENAME TO new_name
                    tables.put(qualified, qualified.substring(0, qualified.indexOf('.') + 1) + s.tokens().get(rename + 2).raw());
                    continue;
                }
                int from = s.matchesAt(rename + 1, "COLUMN") ? rename + 2 : rename + 1;
                if (s.matchesAt(from + 1, "TO") && from + 2 < s.tokens().size()) { // RENAME [COLUMN] old TO new: new → old
                    columns.computeIfAbsent(qualified, k -> new LinkedHashMap<>())
                            .put(s.tokens().get(from + 2).raw(), s.tokens().get(from).raw());
                }
            }
            return new Renames(tables, columns);
        }
    }

    /** Statements of the migration that destroy data: the rollback restores the schema, not the rows. */
    static final class DataLoss {

        private DataLoss() {
        }

        static List<String> of(List<SqlStatement> migration) {
            List<String> lost = new ArrayList<>();
            for (SqlStatement source : migration) {
                LintStatement s = LintStatement.of(source);
                String at = "line " + source.line() + ": ";
                String table = s.targetTable();
                if (s.startsWith("DROP", "TABLE")) {
                    lost.add(at + "DROP TABLE " + table + " deletes its rows; back them up first, e.g. CREATE TABLE "
                            + table + "_backup AS TABLE " + table);
                } else if (s.alteredTable() != null && s.contains("DROP", "COLUMN") || s.alteredTable() != null && s.find(0, "DROP") >= 0
                        && !s.contains("DROP", "CONSTRAINT") && !s.contains("DROP", "DEFAULT") && !s.contains("DROP", "NOT")
                        && !s.contains("DROP", "IDENTITY") && !s.contains("DROP", "EXPRESSION")) {
                    int drop = s.find(0, "DROP");
                    int nameAt = s.matchesAt(drop + 1, "COLUMN") ? drop + 2 : drop + 1;
                    nameAt = s.matchesAt(nameAt, "IF", "EXISTS") ? nameAt + 2 : nameAt;
                    String column = s.nameAt(nameAt);
                    lost.add(at + "dropping " + s.alteredTable() + "." + column + " deletes its values; back them up first, e.g. CREATE TABLE "
                            + unqualified(s.alteredTable()) + "_" + column + "_backup AS SELECT <primary key>, " + column + " FROM " + s.alteredTable());
                } else if (s.startsWith("TRUNCATE") || s.startsWith("DELETE")) {
                    lost.add(at + s.tokens().get(0).value() + " on " + table + " deletes rows the rollback cannot bring back; "
                            + "back them up first (CREATE TABLE ... AS SELECT the rows it removes)");
                } else if (s.startsWith("UPDATE")) {
                    lost.add(at + "UPDATE on " + table + " overwrites values the rollback cannot restore; back up the "
                            + "columns it sets for the rows it matches first");
                } else if (s.alteredTable() != null && s.find(0, "TYPE") >= 0 && s.contains("ALTER")) {
                    lost.add(at + "a type change on " + s.alteredTable() + " can truncate or round values; changing it back "
                            + "restores the type, not the precision lost");
                }
            }
            return lost;
        }
    }

    /** Column-level differences of one table, undone with ALTER TABLE. */
    static final class TableChange {

        private TableChange() {
        }

        static List<String> back(String before, String after, Map<String, String> renamedColumns, List<String> irreversible) {
            String table = ScriptObject.of(before).name();
            Map<String, String> old = columns(before);
            Map<String, String> now = columns(after);
            List<String> down = new ArrayList<>();
            if (!Objects.equals(suffix(before), suffix(after))) {
                irreversible.add(table + ": partitioning or inheritance changed; undo it by hand");
            }
            for (Map.Entry<String, String> rename : renamedColumns.entrySet()) {
                String definition = now.remove(rename.getKey());
                if (definition != null) {
                    down.add("ALTER TABLE " + table + " RENAME COLUMN " + rename.getKey() + " TO " + rename.getValue());
                    now.put(rename.getValue(), rename.getValue() + definition.substring(rename.getKey().length()));
                }
            }
            for (Map.Entry<String, String> column : now.entrySet()) {
                if (!old.containsKey(column.getKey())) {
                    down.add("ALTER TABLE " + table + " DROP COLUMN " + column.getKey());
                }
            }
            for (Map.Entry<String, String> column : old.entrySet()) {
                String is = now.get(column.getKey());
                if (is == null) {
                    down.add("ALTER TABLE " + table + " ADD COLUMN " + column.getValue());
                } else if (!is.equals(column.getValue())) {
                    down.addAll(alter(table, column.getKey(), ColumnDefinition.of(column.getValue()), ColumnDefinition.of(is), irreversible));
                }
            }
            return down;
        }

        private static List<String> alter(String table, String column, ColumnDefinition was, ColumnDefinition is, List<String> irreversible) {
            List<String> down = new ArrayList<>();
            String alter = "ALTER TABLE " + table + " ALTER COLUMN " + column;
            if (!Objects.equals(was.generated(), is.generated()) || !Objects.equals(was.identity(), is.identity())) {
                irreversible.add(table + "." + column + ": identity or generated expression changed; undo it by hand");
            }
            if (!was.type().equals(is.type())) {
                down.add(alter + " TYPE " + was.type() + " USING " + column + "::" + was.type());
            }
            if (!Objects.equals(was.defaultValue(), is.defaultValue())) {
                down.add(was.defaultValue() == null ? alter + " DROP DEFAULT" : alter + " SET DEFAULT " + was.defaultValue());
            }
            if (was.notNull() != is.notNull()) {
                down.add(alter + (was.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
            }
            return down;
        }

        /** Column name → full definition, from the exporter's {@code CREATE TABLE name (col def, …) suffix}. */
        static Map<String, String> columns(String createTable) {
            Map<String, String> columns = new LinkedHashMap<>();
            int open = createTable.indexOf('(');
            if (open < 0 || createTable.contains(" PARTITION OF ")) {
                return columns;
            }
            int depth = 0;
            int start = open + 1;
            boolean quoted = false;
            for (int i = open; i < createTable.length(); i++) {
                char c = createTable.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')') {
                    depth--;
                    if (depth == 0) {
                        add(createTable.substring(start, i), columns);
                        break;
                    }
                } else if (!quoted && c == ',' && depth == 1) {
                    add(createTable.substring(start, i), columns);
                    start = i + 1;
                }
            }
            return columns;
        }

        private static void add(String definition, Map<String, String> columns) {
            String d = definition.strip();
            if (d.isEmpty()) {
                return;
            }
            List<SqlTokens.Token> tokens = SqlTokens.tokenize(d);
            columns.put(tokens.get(0).raw(), d);
        }

        private static String suffix(String createTable) {
            int close = createTable.lastIndexOf(')');
            return close < 0 ? "" : createTable.substring(close + 1).strip();
        }
    }

    /** The parts of an exported column definition: {@code name type [COLLATE c] [identity|generated|DEFAULT e] [NOT NULL]}. */
    record ColumnDefinition(String type, String defaultValue, boolean notNull, String identity, String generated) {

        static ColumnDefinition of(String definition) {
            String rest = definition.strip();
            boolean notNull = rest.endsWith(" NOT NULL");
            if (notNull) {
                rest = rest.substring(0, rest.length() - " NOT NULL".length());
            }
            String identity = null;
            String generated = null;
            String defaultValue = null;
            int at;
            if ((at = rest.indexOf(" GENERATED ALWAYS AS IDENTITY")) > 0 || (at = rest.indexOf(" GENERATED BY DEFAULT AS IDENTITY")) > 0) {
                identity = rest.substring(at).strip();
                rest = rest.substring(0, at);
            } else if ((at = rest.indexOf(" GENERATED ALWAYS AS (")) > 0) {
                generated = rest.substring(at).strip();
                rest = rest.substring(0, at);
            } else if ((at = rest.indexOf(" DEFAULT ")) > 0) {
                defaultValue = rest.substring(at + " DEFAULT ".length()).strip();
                rest = rest.substring(0, at);
            }
            List<SqlTokens.Token> tokens = SqlTokens.tokenize(rest);
            String type = rest.substring(tokens.get(0).raw().length()).strip();
            return new ColumnDefinition(type, defaultValue, notNull, identity, generated);
        }
    }
}
