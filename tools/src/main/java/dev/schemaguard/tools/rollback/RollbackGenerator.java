package dev.schemaguard.tools.rollback;

import dev.schemaguard.tools.schema.ddl.ObjectKind;
import dev.schemaguard.tools.schema.ddl.SchemaObject;
import dev.schemaguard.tools.schema.ddl.SchemaReconciler;
import dev.schemaguard.tools.schema.ddl.SchemaScript;
import dev.schemaguard.tools.sql.SqlStatement;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code generate_rollback} use case's core: the down migration that turns the schema after a migration back into
 * the schema before it. The schemas say what changed and in which order objects depend on each other
 * ({@link SchemaReconciler}); the migration itself says what schemas cannot show: renames, and statements that destroy
 * data.
 */
public final class RollbackGenerator {

    private final SchemaReconciler reconciler = new SchemaReconciler();

    public Rollback generate(SchemaScript before, SchemaScript after, List<SqlStatement> migration) {
        return generate(before, after, migration, false);
    }

    /** @param exactColumnOrder make a table again rather than let a column dropped and added back come last */
    public Rollback generate(
            SchemaScript before, SchemaScript after, List<SqlStatement> migration, boolean exactColumnOrder) {
        Renames renames = Renames.of(migration);
        Map<String, String> tableRenames = new LinkedHashMap<>();
        renames.tables().forEach((was, now) -> tableRenames.put(now, was));
        SchemaReconciler.Plan plan =
                reconciler.plan(after, before, tableRenames, renames.columnsByTable(), exactColumnOrder);
        List<String> down = new ArrayList<>(plan.statements());
        // Roles are the cluster's, not the schema's: dropped only when this migration created them, after their
        // privileges went.
        createdRoles(migration).forEach(role -> down.add("DROP ROLE " + role));
        return new Rollback(
                down, DataLoss.of(migration, before, after), plan.irreversible(), plan.notes(), "generated");
    }

    /** Roles (users, groups) the migration creates, as it names them. */
    public static List<String> createdRoles(List<SqlStatement> migration) {
        List<String> roles = new ArrayList<>();
        for (SqlStatement source : migration) {
            StatementShape s = StatementShape.of(source);
            if ((s.startsWith("CREATE", "ROLE") || s.startsWith("CREATE", "USER") || s.startsWith("CREATE", "GROUP"))
                    && s.nameAt(2) != null) {
                roles.add(s.nameAt(2));
            }
        }
        return roles;
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
                StatementShape.Rename rename =
                        StatementShape.of(source).rename().orElse(null);
                if (rename == null || rename.kind() == StatementShape.Rename.Kind.CONSTRAINT) {
                    continue;
                }
                String qualified = rename.table().contains(".") ? rename.table() : "public." + rename.table();
                if (rename.kind() == StatementShape.Rename.Kind.TABLE) {
                    tables.put(
                            qualified,
                            qualified.substring(0, qualified.indexOf('.') + 1)
                                    + rename.to().raw());
                } else { // new → old
                    columns.computeIfAbsent(qualified, k -> new LinkedHashMap<>())
                            .put(rename.to().raw(), rename.from().raw());
                }
            }
            return new Renames(tables, columns);
        }
    }

    /** Statements of the migration that destroy data: the rollback restores the schema, not the rows. */
    static final class DataLoss {

        private DataLoss() {}

        /** @param before the schema before the migration, {@code after} after it: what a type change did, which key to back up by */
        static List<String> of(List<SqlStatement> migration, SchemaScript before, SchemaScript after) {
            List<String> lost = new ArrayList<>();
            for (SqlStatement source : migration) {
                StatementShape s = StatementShape.of(source);
                String at = "line " + source.line() + ": ";
                String table = s.targetTable();
                if (s.startsWith("DROP", "TABLE")) {
                    lost.add(at + "DROP TABLE " + table + " deletes its rows; back them up first, e.g. CREATE TABLE "
                            + table + "_backup AS TABLE " + table);
                } else if (s.alteredTable() != null && s.contains("DROP", "COLUMN")
                        || s.alteredTable() != null
                                && s.find(0, "DROP") >= 0
                                && !s.contains("DROP", "CONSTRAINT")
                                && !s.contains("DROP", "DEFAULT")
                                && !s.contains("DROP", "NOT")
                                && !s.contains("DROP", "IDENTITY")
                                && !s.contains("DROP", "EXPRESSION")) {
                    int drop = s.find(0, "DROP");
                    int nameAt = s.matchesAt(drop + 1, "COLUMN") ? drop + 2 : drop + 1;
                    nameAt = s.matchesAt(nameAt, "IF", "EXISTS") ? nameAt + 2 : nameAt;
                    String column = s.nameAt(nameAt);
                    lost.add(at + "dropping " + s.alteredTable() + "." + column
                            + " deletes its values; back them up first, e.g. CREATE TABLE "
                            + unqualified(s.alteredTable()) + "_" + column + "_backup AS SELECT "
                            + key(before, s.alteredTable()) + ", " + column
                            + " FROM " + s.alteredTable());
                } else if (s.startsWith("TRUNCATE") || s.startsWith("DELETE")) {
                    lost.add(at + s.tokens().get(0).value() + " on " + table
                            + " deletes rows the rollback cannot bring back; "
                            + "back them up first (CREATE TABLE ... AS SELECT the rows it removes)");
                } else if (s.startsWith("UPDATE")) {
                    lost.add(at + "UPDATE on " + table + " overwrites values the rollback cannot restore; back up the "
                            + "columns it sets for the rows it matches first");
                } else if (s.alteredTable() != null
                        && s.find(0, "TYPE") >= 0
                        && s.contains("ALTER")
                        && !typeChangesLoseNothing(before, after, s.alteredTable())) {
                    lost.add(at + "a type change on " + s.alteredTable()
                            + " can truncate or round values; changing it back "
                            + "restores the type, not the precision lost");
                }
            }
            return lost;
        }

        /** Every column of the table whose type differs between the two schemas changed in a way that loses nothing. */
        private static boolean typeChangesLoseNothing(SchemaScript before, SchemaScript after, String table) {
            SchemaObject was = tableOf(before, table);
            SchemaObject is = tableOf(after, table);
            if (was == null || is == null) {
                return false;
            }
            for (SchemaObject.Column column : was.columns()) {
                SchemaObject.Column now = is.columns().stream()
                        .filter(c -> c.name().equals(column.name()))
                        .findFirst()
                        .orElse(null);
                if (now != null
                        && !now.definition().equals(column.definition())
                        && !LosslessTypeChange.of(typeOf(column), typeOf(now))) {
                    return false;
                }
            }
            return true;
        }

        private static String typeOf(SchemaObject.Column column) {
            String rest = column.definition().substring(column.name().length()).strip();
            for (String end : List.of(" GENERATED ", " DEFAULT ", " NOT NULL")) {
                int at = rest.indexOf(end);
                if (at > 0) {
                    rest = rest.substring(0, at);
                }
            }
            return rest.strip();
        }

        /** The primary key's columns, to back values up by; a placeholder where the table has none. */
        private static String key(SchemaScript schema, String table) {
            String qualified = table.contains(".") ? table : "public." + table;
            return schema.objects().stream()
                    .filter(o -> o.kind() == ObjectKind.CONSTRAINT && qualified.equals(o.table()))
                    .map(o -> o.statements().get(0))
                    .filter(st -> st.contains(" PRIMARY KEY ("))
                    .map(st -> st.substring(
                            st.indexOf(" PRIMARY KEY (") + 14, st.indexOf(')', st.indexOf(" PRIMARY KEY ("))))
                    .findFirst()
                    .orElse("<a key>");
        }

        private static SchemaObject tableOf(SchemaScript schema, String table) {
            String qualified = table.contains(".") ? table : "public." + table;
            return schema.object(SchemaObject.key(ObjectKind.TABLE, qualified));
        }
    }
}
