package dev.schemaguard.tools.lint.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL a Liquibase change type runs, for the common change types; others become a comment saying so. */
final class ChangeToSql {

    private ChangeToSql() {
    }

    static String of(LiquibaseChangelog.Change c, Path changelog) {
        String table = table(c, "tableName");
        return switch (c.name()) {
            case "createTable" -> "CREATE TABLE " + table + " (" + String.join(", ", columns(c, true)) + ");\n";
            case "dropTable" -> "DROP TABLE " + table + ("true".equals(c.attr("cascadeConstraints")) ? " CASCADE" : "") + ";\n";
            case "addColumn" -> {
                List<String> adds = new ArrayList<>();
                columns(c, true).forEach(col -> adds.add("ADD COLUMN " + col));
                yield "ALTER TABLE " + table + " " + String.join(", ", adds) + ";\n";
            }
            case "dropColumn" -> {
                List<String> names = new ArrayList<>();
                if (c.attr("columnName") != null) {
                    names.add(c.attr("columnName"));
                }
                c.children("column").forEach(col -> names.add(col.attr("name")));
                yield "ALTER TABLE " + table + " " + String.join(", ", names.stream().map(n -> "DROP COLUMN " + n).toList()) + ";\n";
            }
            case "renameColumn" -> "ALTER TABLE " + table + " RENAME COLUMN " + c.attr("oldColumnName") + " TO " + c.attr("newColumnName") + ";\n";
            case "renameTable" -> "ALTER TABLE " + table(c, "oldTableName") + " RENAME TO " + c.attr("newTableName") + ";\n";
            case "renameView" -> "ALTER VIEW " + table(c, "oldViewName") + " RENAME TO " + c.attr("newViewName") + ";\n";
            case "modifyDataType" -> "ALTER TABLE " + table + " ALTER COLUMN " + c.attr("columnName") + " TYPE " + c.attr("newDataType") + ";\n";
            case "addNotNullConstraint" -> "ALTER TABLE " + table + " ALTER COLUMN " + c.attr("columnName") + " SET NOT NULL;\n";
            case "dropNotNullConstraint" -> "ALTER TABLE " + table + " ALTER COLUMN " + c.attr("columnName") + " DROP NOT NULL;\n";
            case "addDefaultValue" -> "ALTER TABLE " + table + " ALTER COLUMN " + c.attr("columnName") + " SET DEFAULT " + defaultValue(c) + ";\n";
            case "createIndex" -> "CREATE " + ("true".equals(c.attr("unique")) ? "UNIQUE " : "") + "INDEX " + c.attr("indexName") + " ON " + table
                    + " (" + String.join(", ", c.children("column").stream().map(col -> col.attr("name")).toList()) + ");\n";
            case "dropIndex" -> "DROP INDEX " + qualified(c.attr("schemaName"), c.attr("indexName")) + ";\n";
            case "addForeignKeyConstraint" -> "ALTER TABLE " + qualified(c.attr("baseTableSchemaName"), c.attr("baseTableName")) + " ADD CONSTRAINT " + c.attr("constraintName")
                    + " FOREIGN KEY (" + c.attr("baseColumnNames") + ") REFERENCES "
                    + qualified(c.attr("referencedTableSchemaName"), c.attr("referencedTableName")) + " (" + c.attr("referencedColumnNames") + ")"
                    + (c.attr("onDelete") != null ? " ON DELETE " + c.attr("onDelete") : "")
                    + ("false".equals(c.attr("validate")) ? " NOT VALID" : "") + ";\n";
            case "dropForeignKeyConstraint" -> "ALTER TABLE " + qualified(c.attr("baseTableSchemaName"), c.attr("baseTableName")) + " DROP CONSTRAINT " + c.attr("constraintName") + ";\n";
            case "addUniqueConstraint" -> "ALTER TABLE " + table + " ADD CONSTRAINT " + c.attr("constraintName") + " UNIQUE (" + c.attr("columnNames") + ");\n";
            case "dropUniqueConstraint" -> "ALTER TABLE " + table + " DROP CONSTRAINT " + c.attr("constraintName") + ";\n";
            case "addPrimaryKey" -> "ALTER TABLE " + table + " ADD CONSTRAINT " + c.attr("constraintName") + " PRIMARY KEY (" + c.attr("columnNames") + ");\n";
            case "createView" -> "CREATE " + ("true".equals(c.attr("replaceIfExists")) ? "OR REPLACE " : "") + "VIEW "
                    + table(c, "viewName") + " AS " + c.text() + ";\n";
            case "dropView" -> "DROP VIEW " + table(c, "viewName") + ";\n";
            case "createSequence" -> "CREATE SEQUENCE " + table(c, "sequenceName") + ";\n";
            case "dropSequence" -> "DROP SEQUENCE " + table(c, "sequenceName") + ";\n";
            case "sql" -> terminated(c.text().isEmpty() ? c.attr("sql") : c.text());
            case "sqlFile" -> terminated(MigrationSources.text(sqlFile(c, changelog)));
            default -> "-- liquibase change type " + c.name() + " is not translated\n";
        };
    }

    private static Path sqlFile(LiquibaseChangelog.Change c, Path changelog) {
        Path path = Path.of(c.attr("path"));
        Path resolved = "false".equals(c.attr("relativeToChangelogFile")) || path.isAbsolute() ? path
                : changelog.toAbsolutePath().getParent().resolve(path);
        if (!resolved.getFileName().toString().endsWith(".sql")) {
            throw new dev.schemaguard.tools.InputException(changelog + ": sqlFile " + c.attr("path") + " is not a .sql file.");
        }
        return resolved;
    }

    private static String terminated(String sql) {
        String text = sql == null ? "" : sql.strip();
        return text.isEmpty() ? "" : text + (text.endsWith(";") ? "\n" : ";\n");
    }

    private static String table(LiquibaseChangelog.Change c, String attribute) {
        return qualified(c.attr("schemaName"), c.attr(attribute));
    }

    private static String qualified(String schema, String name) {
        return schema == null || schema.isBlank() ? name : schema + "." + name;
    }

    private static List<String> columns(LiquibaseChangelog.Change c, boolean withConstraints) {
        List<String> columns = new ArrayList<>();
        for (LiquibaseChangelog.Change column : c.children("column")) {
            StringBuilder def = new StringBuilder(column.attr("name")).append(' ').append(column.attr("type"));
            String defaultValue = defaultValue(column);
            if (defaultValue != null) {
                def.append(" DEFAULT ").append(defaultValue);
            }
            for (LiquibaseChangelog.Change constraints : column.children("constraints")) {
                if ("true".equals(constraints.attr("primaryKey"))) {
                    def.append(" PRIMARY KEY");
                }
                if ("false".equals(constraints.attr("nullable"))) {
                    def.append(" NOT NULL");
                }
                if ("true".equals(constraints.attr("unique"))) {
                    def.append(" UNIQUE");
                }
                if (constraints.attr("references") != null) {
                    def.append(" REFERENCES ").append(constraints.attr("references"));
                } else if (constraints.attr("referencedTableName") != null) {
                    def.append(" REFERENCES ").append(constraints.attr("referencedTableName"))
                            .append(" (").append(constraints.attr("referencedColumnNames")).append(')');
                }
            }
            columns.add(def.toString());
        }
        return columns;
    }

    private static String defaultValue(LiquibaseChangelog.Change c) {
        if (c.attr("defaultValue") != null) {
            return "'" + c.attr("defaultValue").replace("'", "''") + "'";
        }
        if (c.attr("defaultValueNumeric") != null) {
            return c.attr("defaultValueNumeric");
        }
        if (c.attr("defaultValueBoolean") != null) {
            return c.attr("defaultValueBoolean");
        }
        return c.attr("defaultValueComputed");
    }
}
