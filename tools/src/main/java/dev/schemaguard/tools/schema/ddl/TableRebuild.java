package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table made again so that its columns come back in their order: renamed aside, made anew as the target has it,
 * its rows copied across, the sequences its columns use kept, and the old one dropped. Everything on it or that
 * depends on it (keys, indexes, triggers, foreign keys, views, grants) is dropped before and made again after.
 */
final class TableRebuild {

    private TableRebuild() {}

    /** Whether undoing the columns in place would leave them in another order than the target's. */
    static boolean needed(SchemaObject from, SchemaObject to, TableDifference.Undo undo) {
        List<String> result = new ArrayList<>();
        for (SchemaObject.Column c : from.columns()) {
            if (undo.first().stream().noneMatch(s -> s.endsWith(" DROP COLUMN " + c.name()))) {
                result.add(c.name());
            }
        }
        for (SchemaObject.Column c : to.columns()) {
            if (!result.contains(c.name())) {
                result.add(c.name());
            }
        }
        return !result.equals(
                to.columns().stream().map(SchemaObject.Column::name).toList());
    }

    /**
     * @param ownedSequences sequences owned by the table's columns now (they would be dropped with the old table)
     */
    static List<String> statements(SchemaObject from, SchemaObject to, List<String> ownedSequences) {
        String table = to.name();
        QualifiedName name = QualifiedName.of(table);
        String aside = name.bareName().length() > 48 ? name.bareName().substring(0, 48) : name.bareName();
        String old = "\"" + (aside + "_before_rebuild").replace("\"", "\"\"") + "\"";
        List<String> down = new ArrayList<>();
        List<String> identities = new ArrayList<>();
        for (SchemaObject.Column c : to.columns()) {
            ColumnDefinition column = ColumnDefinition.of(c.definition());
            if (column.identity() != null && column.identity().contains("SEQUENCE NAME ")) {
                String rest = column.identity().substring(column.identity().indexOf("SEQUENCE NAME ") + 14);
                identities.add(
                        rest.substring(0, TableDifference.endOfName(rest, 0)).replaceAll("\\)$", ""));
            }
        }
        down.add("ALTER TABLE " + table + " RENAME TO " + old);
        for (String sequence : ownedSequences) {
            down.add("ALTER SEQUENCE " + sequence + " OWNED BY NONE");
        }
        Map<String, String> oldIdentities = new java.util.LinkedHashMap<>();
        for (String identity : identities) {
            String bare = QualifiedName.of(identity).bareName();
            String renamed = "\""
                    + ((bare.length() > 48 ? bare.substring(0, 48) : bare) + "_before_rebuild").replace("\"", "\"\"")
                    + "\"";
            down.add("ALTER SEQUENCE " + identity + " RENAME TO " + renamed);
            oldIdentities.put(identity, QualifiedName.of(identity).qualify(renamed));
        }
        down.addAll(to.statements());
        List<String> copied = new ArrayList<>();
        boolean always = false;
        for (SchemaObject.Column c : to.columns()) {
            ColumnDefinition column = ColumnDefinition.of(c.definition());
            if (column.generated() == null
                    && from.columns().stream().anyMatch(f -> f.name().equals(c.name()))) {
                copied.add(c.name());
                always |= column.identity() != null && column.identity().startsWith("GENERATED ALWAYS");
            }
        }
        String columns = String.join(", ", copied);
        down.add("INSERT INTO " + table + " (" + columns + ")" + (always ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT "
                + columns + " FROM " + name.qualify(old));
        oldIdentities.forEach((identity, renamed) -> down.add("SELECT pg_catalog.setval('" + identity.replace("'", "''")
                + "', last_value, is_called) FROM " + renamed));
        down.add("DROP TABLE " + name.qualify(old));
        return down;
    }
}
