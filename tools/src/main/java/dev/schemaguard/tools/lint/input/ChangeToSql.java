package dev.schemaguard.tools.lint.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Generates the PostgreSQL statements Liquibase would run for one change of an XML/YAML changeSet. */
final class ChangeToSql {

    private final Function<ChangelogNode, String> sqlFileReader;

    /** @param sqlFileReader reads the file a {@code sqlFile} change points at */
    ChangeToSql(Function<ChangelogNode, String> sqlFileReader) {
        this.sqlFileReader = sqlFileReader;
    }

    String toSql(ChangelogNode change) {
        if (!LiquibaseDbms.appliesToPostgres(change.attr("dbms"))) {
            return "";
        }
        return switch (change.name()) {
            case "createTable" -> createTable(change);
            case "dropTable" ->
                statement("DROP TABLE " + table(change) + (change.isTrue("cascadeConstraints") ? " CASCADE" : ""));
            case "addColumn" -> addColumn(change);
            case "dropColumn" -> dropColumn(change);
            case "renameColumn" ->
                alterTable(
                        change,
                        "RENAME COLUMN " + change.attr("oldColumnName") + " TO " + change.attr("newColumnName"));
            case "renameTable" ->
                statement("ALTER TABLE " + qualified(change.attr("schemaName"), change.attr("oldTableName"))
                        + " RENAME TO " + change.attr("newTableName"));
            case "modifyDataType" ->
                alterTable(
                        change,
                        "ALTER COLUMN " + change.attr("columnName") + " TYPE "
                                + PostgresTypes.of(change.attr("newDataType")));
            case "addNotNullConstraint" -> addNotNull(change);
            case "dropNotNullConstraint" ->
                alterTable(change, "ALTER COLUMN " + change.attr("columnName") + " DROP NOT NULL");
            case "addDefaultValue" ->
                alterTable(
                        change, "ALTER COLUMN " + change.attr("columnName") + " SET DEFAULT " + defaultValue(change));
            case "dropDefaultValue" ->
                alterTable(change, "ALTER COLUMN " + change.attr("columnName") + " DROP DEFAULT");
            case "createIndex" -> createIndex(change);
            case "dropIndex" ->
                statement("DROP INDEX " + qualified(change.attr("schemaName"), change.attr("indexName")));
            case "addForeignKeyConstraint" -> addForeignKey(change);
            case "dropForeignKeyConstraint" ->
                statement("ALTER TABLE " + qualified(change.attr("baseTableSchemaName"), change.attr("baseTableName"))
                        + " DROP CONSTRAINT " + change.attr("constraintName"));
            case "addUniqueConstraint" ->
                alterTable(
                        change,
                        "ADD " + constraintName(change) + "UNIQUE (" + columnList(change.attr("columnNames")) + ")"
                                + deferrable(change));
            case "dropUniqueConstraint" -> alterTable(change, "DROP CONSTRAINT " + change.attr("constraintName"));
            case "addPrimaryKey" ->
                alterTable(
                        change,
                        "ADD " + constraintName(change) + "PRIMARY KEY (" + columnList(change.attr("columnNames"))
                                + ")");
            case "dropPrimaryKey" ->
                alterTable(
                        change,
                        "DROP CONSTRAINT "
                                + orDefault(change.attr("constraintName"), change.attr("tableName") + "_pkey"));
            case "createView" -> createView(change);
            case "dropView" ->
                statement("DROP VIEW " + (change.isTrue("ifExists") ? "IF EXISTS " : "")
                        + qualified(change.attr("schemaName"), change.attr("viewName")));
            case "renameView" ->
                statement("ALTER VIEW " + qualified(change.attr("schemaName"), change.attr("oldViewName"))
                        + " RENAME TO " + change.attr("newViewName"));
            case "createSequence" -> createSequence(change);
            case "dropSequence" ->
                statement("DROP SEQUENCE " + qualified(change.attr("schemaName"), change.attr("sequenceName")));
            case "sql" -> rawSql(orDefault(change.attr("sql"), change.text()));
            case "sqlFile" -> rawSql(sqlFileReader.apply(change));
            default -> "-- liquibase change type " + change.name() + " is not translated\n";
        };
    }

    private String createTable(ChangelogNode change) {
        List<ChangelogNode> columns = change.children("column");
        List<String> primaryKey = columns.stream()
                .filter(c ->
                        c.child("constraints") != null && c.child("constraints").isTrue("primaryKey"))
                .map(c -> c.attr("name"))
                .toList();
        List<String> definitions = new ArrayList<>();
        for (ChangelogNode column : columns) {
            definitions.add(columnDefinition(column, primaryKey.size() == 1));
        }
        if (primaryKey.size() > 1) {
            String name = columns.stream()
                    .map(c -> c.child("constraints"))
                    .filter(c -> c != null && c.attr("primaryKeyName") != null)
                    .map(c -> "CONSTRAINT " + c.attr("primaryKeyName") + " ")
                    .findFirst()
                    .orElse("");
            definitions.add(name + "PRIMARY KEY (" + String.join(", ", primaryKey) + ")");
        }
        return "CREATE TABLE " + (change.isTrue("ifNotExists") ? "IF NOT EXISTS " : "") + table(change) + " (\n    "
                + String.join(",\n    ", definitions) + "\n);\n";
    }

    private String addColumn(ChangelogNode change) {
        StringBuilder sql = new StringBuilder();
        for (ChangelogNode column : change.children("column")) {
            sql.append(alterTable(change, "ADD " + columnDefinition(column, true)));
        }
        return sql.toString();
    }

    private String dropColumn(ChangelogNode change) {
        List<String> names = new ArrayList<>();
        if (change.attr("columnName") != null) {
            names.add(change.attr("columnName"));
        }
        change.children("column").forEach(c -> names.add(c.attr("name")));
        return names.stream()
                .map(name -> alterTable(change, "DROP COLUMN " + name))
                .collect(Collectors.joining());
    }

    private String addNotNull(ChangelogNode change) {
        String column = change.attr("columnName");
        String fill = change.attr("defaultNullValue");
        String update = fill == null
                ? ""
                : statement("UPDATE " + table(change) + " SET " + column + " = " + literal(fill) + " WHERE " + column
                        + " IS NULL");
        return update + alterTable(change, "ALTER COLUMN " + column + " SET NOT NULL");
    }

    private String createIndex(ChangelogNode change) {
        String columns = change.children("column").stream()
                .map(c -> c.attr("name") + (c.isTrue("descending") ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        String name = change.attr("indexName") == null ? "" : change.attr("indexName") + " ";
        return statement("CREATE " + (change.isTrue("unique") ? "UNIQUE " : "") + "INDEX " + name + "ON "
                + table(change) + " (" + columns + ")");
    }

    private String addForeignKey(ChangelogNode change) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ")
                .append(qualified(change.attr("baseTableSchemaName"), change.attr("baseTableName")))
                .append(" ADD ")
                .append(constraintName(change))
                .append("FOREIGN KEY (")
                .append(columnList(change.attr("baseColumnNames")))
                .append(") REFERENCES ")
                .append(qualified(change.attr("referencedTableSchemaName"), change.attr("referencedTableName")))
                .append(" (")
                .append(columnList(change.attr("referencedColumnNames")))
                .append(")");
        if (change.attr("onDelete") != null) {
            sql.append(" ON DELETE ").append(change.attr("onDelete"));
        } else if (change.isTrue("deleteCascade")) {
            sql.append(" ON DELETE CASCADE");
        }
        if (change.attr("onUpdate") != null) {
            sql.append(" ON UPDATE ").append(change.attr("onUpdate"));
        }
        sql.append(deferrable(change));
        if ("false".equalsIgnoreCase(change.attr("validate"))) {
            sql.append(" NOT VALID");
        }
        return statement(sql.toString());
    }

    private String createView(ChangelogNode change) {
        String query = orDefault(change.attr("selectQuery"), change.text()).strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        if (change.isTrue("fullDefinition")) {
            return statement(query);
        }
        return statement("CREATE " + (change.isTrue("replaceIfExists") ? "OR REPLACE " : "") + "VIEW "
                + qualified(change.attr("schemaName"), change.attr("viewName")) + " AS " + query);
    }

    private String createSequence(ChangelogNode change) {
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE ")
                .append(qualified(change.attr("schemaName"), change.attr("sequenceName")));
        appendIfSet(sql, " AS ", change.attr("dataType"));
        appendIfSet(sql, " INCREMENT BY ", change.attr("incrementBy"));
        appendIfSet(sql, " MINVALUE ", change.attr("minValue"));
        appendIfSet(sql, " MAXVALUE ", change.attr("maxValue"));
        appendIfSet(sql, " START WITH ", change.attr("startValue"));
        appendIfSet(sql, " CACHE ", change.attr("cacheSize"));
        if (change.isTrue("cycle")) {
            sql.append(" CYCLE");
        }
        return statement(sql.toString());
    }

    private String columnDefinition(ChangelogNode column, boolean inlinePrimaryKey) {
        StringBuilder sql = new StringBuilder(column.attr("name"));
        if (column.attr("type") != null) {
            sql.append(' ').append(PostgresTypes.of(column.attr("type")));
        }
        if (column.isTrue("autoIncrement")) {
            sql.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        String defaultValue = defaultValue(column);
        if (defaultValue != null) {
            sql.append(" DEFAULT ").append(defaultValue);
        }
        ChangelogNode constraints = column.child("constraints");
        if (constraints != null) {
            appendConstraints(sql, constraints, inlinePrimaryKey);
        }
        return sql.toString();
    }

    private static void appendConstraints(StringBuilder sql, ChangelogNode c, boolean inlinePrimaryKey) {
        if (inlinePrimaryKey && c.isTrue("primaryKey")) {
            sql.append(named(c.attr("primaryKeyName"))).append(" PRIMARY KEY");
        }
        if ("false".equalsIgnoreCase(c.attr("nullable"))) {
            sql.append(" NOT NULL");
        }
        if (c.isTrue("unique")) {
            sql.append(named(c.attr("uniqueConstraintName"))).append(" UNIQUE");
        }
        String references = c.attr("references");
        if (references == null && c.attr("referencedTableName") != null) {
            references = qualified(c.attr("referencedTableSchemaName"), c.attr("referencedTableName"))
                    + (c.attr("referencedColumnNames") == null
                            ? ""
                            : " (" + columnList(c.attr("referencedColumnNames")) + ")");
        }
        if (references != null) {
            sql.append(named(c.attr("foreignKeyName"))).append(" REFERENCES ").append(references);
            if (c.isTrue("deleteCascade")) {
                sql.append(" ON DELETE CASCADE");
            }
        }
        if (c.attr("checkConstraint") != null) {
            sql.append(" CHECK (").append(c.attr("checkConstraint")).append(")");
        }
    }

    /** The column default from any of Liquibase's defaultValue* attributes, as an SQL expression. */
    private static String defaultValue(ChangelogNode node) {
        if (node.attr("defaultValue") != null) {
            return quote(node.attr("defaultValue"));
        }
        if (node.attr("defaultValueNumeric") != null) {
            return node.attr("defaultValueNumeric");
        }
        if (node.attr("defaultValueBoolean") != null) {
            return node.attr("defaultValueBoolean").toUpperCase(Locale.ROOT);
        }
        if (node.attr("defaultValueComputed") != null) {
            return node.attr("defaultValueComputed");
        }
        if (node.attr("defaultValueDate") != null) {
            return quote(node.attr("defaultValueDate"));
        }
        if (node.attr("defaultValueSequenceNext") != null) {
            return "nextval(" + quote(node.attr("defaultValueSequenceNext")) + ")";
        }
        return null;
    }

    private static String rawSql(String text) {
        String sql = text.strip();
        if (sql.isEmpty()) {
            return "";
        }
        return sql.endsWith(";") ? sql + "\n" : sql + ";\n";
    }

    private static String alterTable(ChangelogNode change, String action) {
        return statement("ALTER TABLE " + table(change) + " " + action);
    }

    private static String table(ChangelogNode change) {
        return qualified(change.attr("schemaName"), change.attr("tableName"));
    }

    private static String qualified(String schema, String name) {
        return schema == null || schema.isBlank() ? name : schema + "." + name;
    }

    private static String constraintName(ChangelogNode change) {
        return change.attr("constraintName") == null ? "" : "CONSTRAINT " + change.attr("constraintName") + " ";
    }

    private static String named(String constraintName) {
        return constraintName == null ? "" : " CONSTRAINT " + constraintName;
    }

    private static String deferrable(ChangelogNode change) {
        return (change.isTrue("deferrable") ? " DEFERRABLE" : "")
                + (change.isTrue("initiallyDeferred") ? " INITIALLY DEFERRED" : "");
    }

    private static String columnList(String names) {
        if (names == null) {
            return "";
        }
        return Arrays.stream(names.split(",")).map(String::strip).collect(Collectors.joining(", "));
    }

    private static String literal(String value) {
        return value.matches("-?\\d+(\\.\\d+)?|(?i)true|false") ? value : quote(value);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static void appendIfSet(StringBuilder sql, String keyword, String value) {
        if (value != null) {
            sql.append(keyword).append(value);
        }
    }

    private static String statement(String sql) {
        return sql + ";\n";
    }
}
