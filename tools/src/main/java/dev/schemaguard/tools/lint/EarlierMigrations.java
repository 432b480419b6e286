package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;
import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables a directory's earlier migrations made or changed, known to the later ones, as Squawk does across files:
 * a column's type set three files ago makes {@code varchar(n) → text} in this one a catalog-only change, not a
 * rewrite. Each file's table changes are read on their own (in parallel, as the files are linted), then applied in
 * the tool's order; a file looks up a table as the forward files before it left it, a down file as all of them did.
 */
final class EarlierMigrations {

    private static final Set<String> REVERTS = Set.of("down", "undo", "rollback");

    /** What one statement did to the tables, reduced to what later files need: names, column types, NOT NULL. */
    sealed interface Change {}

    /** A table as earlier migrations left it: its columns' types, and which of them are NOT NULL. */
    record EarlierTable(Map<String, String> columns, Set<String> notNull) {}

    private record Created(String table, Map<String, String> columns, Set<String> notNull) implements Change {}

    /** {@code notNull}: the column as added is NOT NULL (or a primary key's); null when a type change leaves it as it was. */
    private record Dropped(String table) implements Change {}

    private record ColumnSet(String table, String column, String type, Boolean notNull) implements Change {}

    private record NullabilitySet(String table, String column, boolean notNull) implements Change {}

    private record ColumnDropped(String table, String column) implements Change {}

    private record ColumnRenamed(String table, String from, String to) implements Change {}

    private record TableRenamed(String table, String to) implements Change {}

    /** A table as one unit left it; null: dropped (or renamed away) there. */
    private record Version(int unit, EarlierTable table) {}

    private final Map<String, List<Version>> history = new HashMap<>();
    private final Map<String, Map<String, String>> tables = new HashMap<>();
    private final Map<String, Set<String>> notNull = new HashMap<>();
    private final int forwardEnd;

    private EarlierMigrations(int units) {
        this.forwardEnd = units;
    }

    /** The table changes of one unit, read on their own. */
    static List<Change> changes(MigrationUnit unit) {
        List<Change> changes = new ArrayList<>();
        for (SqlStatement statement : SqlSplitter.split(unit.sql(), unit.file())) {
            if (statement.kind() == SqlStatement.Kind.SQL && startsWithDdl(statement.text())) {
                read(StatementShape.of(statement), changes);
            }
        }
        return changes;
    }

    private static boolean startsWithDdl(String text) {
        return text.regionMatches(true, 0, "CREATE", 0, 6)
                || text.regionMatches(true, 0, "ALTER", 0, 5)
                || text.regionMatches(true, 0, "DROP", 0, 4);
    }

    /** Applies each forward unit's changes in order; {@code roles} and {@code changes} are aligned with the units. */
    static EarlierMigrations of(List<String> roles, List<List<Change>> changes) {
        EarlierMigrations earlier = new EarlierMigrations(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            if (!REVERTS.contains(roles.get(i))) {
                for (Change change : changes.get(i)) {
                    earlier.apply(change, i);
                }
            }
        }
        return earlier;
    }

    /** {@code table} (normalised) before unit {@code index}; null when nothing earlier is known of it. */
    EarlierTable before(String table, int index, String role) {
        List<Version> versions = history.get(table);
        if (versions == null) {
            return null;
        }
        int limit = REVERTS.contains(role) ? forwardEnd : index;
        EarlierTable found = null;
        for (Version v : versions) {
            if (v.unit() >= limit) {
                break;
            }
            found = v.table();
        }
        return found;
    }

    private void apply(Change change, int unit) {
        if (change instanceof Created c) {
            tables.put(c.table(), new LinkedHashMap<>(c.columns()));
            notNull.put(c.table(), new java.util.HashSet<>(c.notNull()));
            record(c.table(), unit);
        } else if (change instanceof Dropped d) {
            notNull.remove(d.table());
            if (tables.remove(d.table()) != null) {
                record(d.table(), unit);
            }
        } else if (change instanceof ColumnSet c) {
            alter(c.table(), unit, (columns, required) -> {
                columns.put(c.column(), c.type());
                if (Boolean.TRUE.equals(c.notNull())) {
                    required.add(c.column());
                } else if (Boolean.FALSE.equals(c.notNull())) {
                    required.remove(c.column());
                }
            });
        } else if (change instanceof NullabilitySet c) {
            alter(c.table(), unit, (columns, required) -> {
                if (c.notNull()) {
                    required.add(c.column());
                } else {
                    required.remove(c.column());
                }
            });
        } else if (change instanceof ColumnDropped c) {
            alter(c.table(), unit, (columns, required) -> {
                columns.remove(c.column());
                required.remove(c.column());
            });
        } else if (change instanceof ColumnRenamed c) {
            alter(c.table(), unit, (columns, required) -> {
                String type = columns.remove(c.from());
                if (type != null) {
                    columns.put(c.to(), type);
                }
                if (required.remove(c.from())) {
                    required.add(c.to());
                }
            });
        } else if (change instanceof TableRenamed r) {
            Map<String, String> columns = tables.remove(r.table());
            Set<String> required = notNull.remove(r.table());
            if (columns != null) {
                record(r.table(), unit);
                tables.put(r.to(), columns);
                notNull.put(r.to(), required == null ? new java.util.HashSet<>() : required);
                record(r.to(), unit);
            }
        }
    }

    private void alter(String table, int unit, java.util.function.BiConsumer<Map<String, String>, Set<String>> change) {
        Map<String, String> columns = tables.get(table);
        if (columns != null) { // else a table the live schema (if any) describes; nothing earlier here is known of it
            change.accept(columns, notNull.computeIfAbsent(table, t -> new java.util.HashSet<>()));
            record(table, unit);
        }
    }

    private void record(String table, int unit) {
        Map<String, String> columns = tables.get(table);
        List<Version> versions = history.computeIfAbsent(table, t -> new ArrayList<>());
        Version version = new Version(
                unit,
                columns == null
                        ? null
                        : new EarlierTable(Map.copyOf(columns), Set.copyOf(notNull.getOrDefault(table, Set.of()))));
        if (!versions.isEmpty() && versions.get(versions.size() - 1).unit() == unit) {
            versions.set(versions.size() - 1, version);
        } else {
            versions.add(version);
        }
    }

    private static void read(StatementShape s, List<Change> changes) {
        if (s.startsWith("CREATE", "TABLE") || s.startsWith("CREATE", "UNLOGGED", "TABLE")) {
            int i = s.find(0, "TABLE") + 1;
            i = s.matchesAt(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
            String name = s.nameAt(i);
            if (name != null) {
                changes.add(new Created(
                        MigrationState.normalize(name),
                        MigrationState.CreateTableColumns.of(s),
                        MigrationState.CreateTableColumns.notNull(s)));
            }
        } else if (s.startsWith("DROP", "TABLE")) {
            String name = s.nameAt(s.matchesAt(2, "IF", "EXISTS") ? 4 : 2);
            if (name != null) {
                changes.add(new Dropped(MigrationState.normalize(name)));
            }
        } else if (s.alteredTable() != null) {
            alter(s, MigrationState.normalize(s.alteredTable()), changes);
        }
    }

    private static void alter(StatementShape s, String table, List<Change> changes) {
        List<SqlTokens.Token> tokens = s.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).is("ADD") && !tokens.get(i - 1).is("GENERATED")) {
                int at = i + 1 < tokens.size() && tokens.get(i + 1).is("COLUMN") ? i + 2 : i + 1;
                if (at + 2 < tokens.size()
                        && tokens.get(at).is("IF")
                        && tokens.get(at + 1).is("NOT")) {
                    at += 3;
                }
                int end = s.topLevelComma(at);
                if (at < end) {
                    Map<String, String> added = new LinkedHashMap<>();
                    MigrationState.CreateTableColumns.column(tokens.subList(at, end), added);
                    boolean required = MigrationState.CreateTableColumns.declaresNotNull(tokens.subList(at, end));
                    added.forEach((column, type) -> changes.add(new ColumnSet(table, column, type, required)));
                }
            } else if (tokens.get(i).is("TYPE") && i >= 3) {
                int nameAt = tokens.get(i - 1).is("DATA") ? i - 3 : i - 1;
                if (nameAt > 0
                        && (tokens.get(nameAt - 1).is("COLUMN")
                                || tokens.get(nameAt - 1).is("ALTER"))) {
                    Map<String, String> changed = new LinkedHashMap<>();
                    List<SqlTokens.Token> definition = new ArrayList<>();
                    definition.add(tokens.get(nameAt));
                    definition.addAll(tokens.subList(i + 1, s.topLevelComma(i + 1)));
                    MigrationState.CreateTableColumns.column(definition, changed);
                    changed.forEach((column, type) -> changes.add(new ColumnSet(table, column, type, null)));
                }
            } else if ((tokens.get(i).is("SET") || tokens.get(i).is("DROP"))
                    && i >= 2
                    && i + 2 < tokens.size()
                    && tokens.get(i + 1).is("NOT")
                    && tokens.get(i + 2).is("NULL")
                    && (tokens.get(i - 2).is("COLUMN") || tokens.get(i - 2).is("ALTER"))) {
                changes.add(new NullabilitySet(
                        table, key(tokens.get(i - 1)), tokens.get(i).is("SET")));
            } else if (tokens.get(i).is("DROP")
                    && i + 1 < tokens.size()
                    && (tokens.get(i + 1).is("COLUMN")
                            || tokens.get(i + 1).type() != SqlTokens.Type.WORD
                            || !isDropSubject(tokens.get(i + 1)))) {
                int at = tokens.get(i + 1).is("COLUMN") ? i + 2 : i + 1;
                at = at + 1 < tokens.size() && tokens.get(at).is("IF") ? at + 2 : at;
                if (at < tokens.size()) {
                    changes.add(new ColumnDropped(table, key(tokens.get(at))));
                }
            } else if (tokens.get(i).is("RENAME")) {
                s.rename().ifPresent(r -> {
                    if (r.kind() == StatementShape.Rename.Kind.COLUMN) {
                        changes.add(new ColumnRenamed(table, key(r.from()), key(r.to())));
                    } else if (r.kind() == StatementShape.Rename.Kind.TABLE) {
                        changes.add(new TableRenamed(table, table.substring(0, table.indexOf('.') + 1) + key(r.to())));
                    }
                });
                return; // a rename is the statement's only action
            }
        }
    }

    private static boolean isDropSubject(SqlTokens.Token t) {
        return t.is("CONSTRAINT") || t.is("DEFAULT") || t.is("NOT") || t.is("IDENTITY") || t.is("EXPRESSION");
    }

    private static String key(SqlTokens.Token name) {
        return name.type() == SqlTokens.Type.QUOTED_IDENTIFIER
                ? name.value()
                : name.value().toLowerCase(Locale.ROOT);
    }
}
