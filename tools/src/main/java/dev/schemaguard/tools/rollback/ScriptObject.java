package dev.schemaguard.tools.rollback;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of a schema script (see {@code PostgresSchemaExporter}) as the object it creates: its kind, a key that
 * names it across two scripts, and how to remove it.
 *
 * @param kind  role, extension, schema, type, domain, sequence, table, constraint, fk, index, function, view, matview,
 *              trigger, owned-by, rls, policy, comment, owner or privilege (also the order in which the exporter writes them)
 * @param key   identity across two scripts, e.g. {@code table:shop.orders}
 * @param table the table it belongs to (constraints, indexes, triggers), else null
 */
record ScriptObject(String kind, String key, String table, String statement) {

    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";
    private static final String QUALIFIED = NAME + "(?:\\." + NAME + ")?";

    private record Shape(String kind, Pattern pattern) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("role", Pattern.compile("^DO \\$sg\\$BEGIN IF NOT EXISTS \\(SELECT FROM pg_roles WHERE rolname = ('(?:[^']|'')*')")),
            new Shape("rls", Pattern.compile("^ALTER TABLE (" + QUALIFIED + ") ((?:ENABLE|FORCE) ROW LEVEL SECURITY)$")),
            new Shape("policy", Pattern.compile("^CREATE POLICY (" + NAME + ") ON (" + QUALIFIED + ") ")),
            new Shape("owner", Pattern.compile("^ALTER ((?:TABLE|VIEW|MATERIALIZED VIEW|SEQUENCE|SCHEMA|FUNCTION|PROCEDURE|TYPE|DOMAIN) .*) OWNER TO ", Pattern.DOTALL)),
            new Shape("privilege", Pattern.compile("^(?:GRANT|REVOKE) (\\w+) ON (TABLE|SEQUENCE|SCHEMA|FUNCTION|PROCEDURE|TYPE|DOMAIN) (.*) (?:TO|FROM) (\\S+)(?: WITH GRANT OPTION)?$", Pattern.DOTALL)),
            new Shape("extension", Pattern.compile("^CREATE EXTENSION IF NOT EXISTS (" + NAME + ")")),
            new Shape("schema", Pattern.compile("^CREATE SCHEMA IF NOT EXISTS (" + NAME + ")")),
            new Shape("type", Pattern.compile("^CREATE TYPE (" + QUALIFIED + ") AS ENUM")),
            new Shape("domain", Pattern.compile("^CREATE DOMAIN (" + QUALIFIED + ") ")),
            new Shape("sequence", Pattern.compile("^CREATE SEQUENCE (" + QUALIFIED + ") ")),
            new Shape("table", Pattern.compile("^CREATE (?:UNLOGGED )?TABLE (" + QUALIFIED + ") ")),
            new Shape("constraint", Pattern.compile("^ALTER TABLE ONLY (" + QUALIFIED + ") ADD CONSTRAINT (" + NAME + ") ")),
            new Shape("index", Pattern.compile("^CREATE (?:UNIQUE )?INDEX (" + NAME + ") ON (?:ONLY )?(" + QUALIFIED + ") ")),
            new Shape("function", Pattern.compile("^CREATE OR REPLACE (?:FUNCTION|PROCEDURE) (" + QUALIFIED + "\\([^)]*\\))")),
            new Shape("view", Pattern.compile("^CREATE VIEW (" + QUALIFIED + ") AS")),
            new Shape("matview", Pattern.compile("^CREATE MATERIALIZED VIEW (" + QUALIFIED + ") AS")),
            new Shape("trigger", Pattern.compile("^CREATE (?:CONSTRAINT )?TRIGGER (" + NAME + ") .*? ON (" + QUALIFIED + ") ", Pattern.DOTALL)),
            new Shape("owned-by", Pattern.compile("^ALTER SEQUENCE (" + QUALIFIED + ") OWNED BY")),
            new Shape("comment", Pattern.compile("^COMMENT ON ((?:TABLE|VIEW|MATERIALIZED VIEW|SEQUENCE|COLUMN) " + QUALIFIED + "(?:\\." + NAME + ")?) IS")));

    static ScriptObject of(String statement) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(statement);
            if (m.find()) {
                return switch (shape.kind()) {
                    case "constraint" -> {
                        boolean fk = statement.contains(" FOREIGN KEY ");
                        yield new ScriptObject(fk ? "fk" : "constraint", "constraint:" + m.group(1) + "." + m.group(2), m.group(1), statement);
                    }
                    case "index" -> new ScriptObject("index", "index:" + schemaOf(m.group(2)) + m.group(1), m.group(2), statement);
                    case "trigger" -> new ScriptObject("trigger", "trigger:" + m.group(2) + "." + m.group(1), m.group(2), statement);
                    case "rls" -> new ScriptObject("rls", "rls:" + m.group(1) + " " + m.group(2), m.group(1), statement);
                    case "policy" -> new ScriptObject("policy", "policy:" + m.group(2) + "." + m.group(1), m.group(2), statement);
                    case "privilege" -> new ScriptObject("privilege", "privilege:" + statement, m.group(2).equals("TABLE")
                            || m.group(2).equals("SEQUENCE") ? m.group(3) : null, statement);
                    default -> new ScriptObject(shape.kind(), shape.kind() + ":" + m.group(1), null, statement);
                };
            }
        }
        return new ScriptObject("other", "other:" + statement, null, statement);
    }

    /** The name after the key's "kind:" prefix. */
    String name() {
        return key.substring(key.indexOf(':') + 1);
    }

    private static String schemaOf(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? "" : qualified.substring(0, dot + 1);
    }
}
