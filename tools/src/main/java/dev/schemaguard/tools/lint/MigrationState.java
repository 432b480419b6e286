package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the linter knows when it reaches a statement: the target version, the live schema if an environment was given,
 * and what the migration did before — tables it created, the open transaction and the locks and enum values in it,
 * the timeouts it set.
 */
public final class MigrationState {

    private final int targetVersion;
    private final SchemaFacts schema;
    private final java.util.function.Function<String, EarlierMigrations.EarlierTable> earlier;
    private final Map<String, TableFacts> createdTables = new HashMap<>();
    private final boolean wrappedInTransaction;
    private boolean explicitTransaction;
    private int transactionOpenedAt;
    private boolean lockTimeoutSet;
    private boolean statementTimeoutSet;
    private final Set<String> lockedInTransaction = new HashSet<>();
    private boolean timeZoneUtc;
    /** Materialized views dropped in the open transaction: made again in it, readers wait for the whole build. */
    private final Set<String> matviewsDroppedInTransaction = new HashSet<>();

    private final Set<String> enumValuesAddedInTransaction = new HashSet<>();
    private final Set<String> constraintsAddedInTransaction = new HashSet<>();
    private final Set<String> validatedNotNullChecks = new HashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>();

    public MigrationState(boolean wrappedInTransaction, int targetVersion, SchemaFacts schema) {
        this(wrappedInTransaction, targetVersion, schema, table -> null);
    }

    /** @param earlier a table's (normalised name) columns as earlier migrations of the same directory left them, or null */
    MigrationState(
            boolean wrappedInTransaction,
            int targetVersion,
            SchemaFacts schema,
            java.util.function.Function<String, EarlierMigrations.EarlierTable> earlier) {
        this.earlier = earlier;
        this.wrappedInTransaction = wrappedInTransaction;
        this.targetVersion = targetVersion;
        this.schema = schema;
    }

    public MigrationState(boolean wrappedInTransaction) {
        this(wrappedInTransaction, LintSettings.DEFAULT_VERSION, null);
    }

    public int targetVersion() {
        return targetVersion;
    }

    /** The live schema, when the lint runs against an environment. */
    public Optional<SchemaFacts> schema() {
        return Optional.ofNullable(schema);
    }

    /** Tables created earlier in the same migration are empty and unseen by others: lock rules leave them alone. */
    public boolean createdHere(String table) {
        return table != null && createdTables.containsKey(normalize(table));
    }

    /** The table as this migration created it, else as the environment has it. */
    public Optional<TableFacts> table(String name) {
        TableFacts created = name == null ? null : createdTables.get(normalize(name));
        if (created != null) {
            return Optional.of(created);
        }
        Optional<TableFacts> live = name == null || schema == null ? Optional.empty() : schema.table(name);
        EarlierMigrations.EarlierTable before = name == null ? null : earlier.apply(normalize(name));
        if (before == null) {
            return live;
        }
        // as earlier migrations left it: their column types and NOT NULLs over what the environment says of its size
        return Optional.of(live.map(k -> new TableFacts(
                        k.name(),
                        k.rowEstimate(),
                        k.bytes(),
                        before.columns(),
                        k.primaryKey(),
                        before.notNull(),
                        k.triggers()))
                .orElse(new TableFacts(name, -1, -1, before.columns(), List.of(), before.notNull(), List.of())));
    }

    public boolean inTransaction() {
        return wrappedInTransaction || explicitTransaction;
    }

    /** An explicit BEGIN without its COMMIT so far; the line it was opened on, else 0. */
    public int openExplicitTransactionLine() {
        return explicitTransaction ? transactionOpenedAt : 0;
    }

    /** Whether the file set lock_timeout before the statement at hand. */
    public boolean lockTimeoutSet() {
        return lockTimeoutSet;
    }

    public boolean statementTimeoutSet() {
        return statementTimeoutSet;
    }

    /** Existing tables this transaction holds an ACCESS EXCLUSIVE lock on (held until it commits). */
    public boolean matviewDroppedInTransaction(String name) {
        return matviewsDroppedInTransaction.contains(normalize(name));
    }

    public Set<String> lockedInTransaction() {
        return Set.copyOf(lockedInTransaction);
    }

    public boolean enumValueAddedInTransaction(String literal) {
        return enumValuesAddedInTransaction.contains(literal);
    }

    public boolean constraintAddedInTransaction(String name) {
        return name != null && constraintsAddedInTransaction.contains(name.toLowerCase(Locale.ROOT));
    }

    /** PostgreSQL 12+ sets NOT NULL without a scan when a valid {@code CHECK (col IS NOT NULL)} exists. */
    public boolean hasValidNotNullCheck(String table, String column) {
        return validatedNotNullChecks.contains(normalize(table) + "." + column.toLowerCase(Locale.ROOT));
    }

    /** Whether the session's time zone was set to UTC (then timestamp → timestamptz changes no stored value, PG12+). */
    public boolean timeZoneUtc() {
        return timeZoneUtc;
    }

    void observe(StatementShape s) {
        if (s.startsWith("SET") && (s.contains("TIMEZONE") || s.contains("TIME", "ZONE"))) {
            timeZoneUtc = s.tokens().stream()
                    .anyMatch(t -> t.value().equalsIgnoreCase("UTC")
                            || t.value().equalsIgnoreCase("Etc/UTC")
                            || t.value().equalsIgnoreCase("'UTC'")
                            || t.value().equalsIgnoreCase("'Etc/UTC'"));
        }
        if (s.startsWith("SET")) {
            int at = s.find(0, "LOCK_TIMEOUT");
            if (at >= 0 && !s.matchesAt(at + 2, "0") && !s.matchesAt(at + 2, "DEFAULT")) {
                lockTimeoutSet = true;
            }
            at = s.find(0, "STATEMENT_TIMEOUT");
            if (at >= 0 && !s.matchesAt(at + 2, "0") && !s.matchesAt(at + 2, "DEFAULT")) {
                statementTimeoutSet = true;
            }
        }
        if (s.startsWith("CREATE", "TABLE") || s.startsWith("CREATE", "UNLOGGED", "TABLE")) {
            int i = s.find(0, "TABLE") + 1;
            i = s.matchesAt(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
            String name = s.nameAt(i);
            if (name != null) {
                createdTables.put(normalize(name), new TableFacts(name, -1, -1, CreateTableColumns.of(s)));
            }
        } else if (s.startsWith("CREATE", "MATERIALIZED", "VIEW")) {
            // nobody reads or writes a materialized view made by this migration yet: building its indexes blocks no one
            int i = s.matchesAt(3, "IF", "NOT", "EXISTS") ? 6 : 3;
            String name = s.nameAt(i);
            if (name != null) {
                createdTables.put(normalize(name), new TableFacts(name, -1, -1, Map.of()));
            }
        } else if (s.startsWith("DROP", "MATERIALIZED", "VIEW") && inTransaction()) {
            String name = s.nameAt(s.matchesAt(3, "IF", "EXISTS") ? 5 : 3);
            if (name != null) {
                matviewsDroppedInTransaction.add(normalize(name));
            }
        } else if (s.startsWith("BEGIN") || s.startsWith("START", "TRANSACTION")) {
            explicitTransaction = true;
            transactionOpenedAt = s.source().line();
        } else if (s.startsWith("COMMIT") || s.startsWith("ROLLBACK") || s.startsWith("END") || s.startsWith("ABORT")) {
            explicitTransaction = false;
            endTransaction();
        } else if (s.startsWith("ALTER", "TYPE") && s.contains("ADD", "VALUE")) {
            s.tokens().stream()
                    .filter(t -> t.type() == SqlTokens.Type.STRING)
                    .findFirst()
                    .ifPresent(t -> enumValuesAddedInTransaction.add(t.value()));
        }
        String altered = s.alteredTable();
        if (altered != null) {
            observeAlterTable(s, altered);
        }
    }

    private void observeAlterTable(StatementShape s, String table) {
        if (!createdHere(table)) {
            lockedInTransaction.add(normalize(table));
        }
        int constraint = s.find(0, "ADD", "CONSTRAINT");
        if (constraint >= 0) {
            String name = s.nameAt(constraint + 2);
            constraintsAddedInTransaction.add(name.toLowerCase(Locale.ROOT));
            // CHECK ( col IS NOT NULL )
            if (s.matchesAt(constraint + 3, "CHECK")
                    && s.tokens().size() > constraint + 8
                    && s.matchesAt(constraint + 6, "IS", "NOT", "NULL")) {
                String column = s.tokens().get(constraint + 5).value().toLowerCase(Locale.ROOT);
                String key = normalize(table) + "." + column;
                notNullChecks.put(name.toLowerCase(Locale.ROOT), key);
                if (!s.contains("NOT", "VALID")) {
                    validatedNotNullChecks.add(key);
                }
            }
        }
        int validate = s.find(0, "VALIDATE", "CONSTRAINT");
        if (validate >= 0) {
            String key = notNullChecks.get(s.nameAt(validate + 2).toLowerCase(Locale.ROOT));
            if (key != null) {
                validatedNotNullChecks.add(key);
            }
        }
    }

    /** A file the migration tool wraps ends its transaction at the end of the file. */
    void endTransaction() {
        lockedInTransaction.clear();
        matviewsDroppedInTransaction.clear();
        enumValuesAddedInTransaction.clear();
        constraintsAddedInTransaction.clear();
    }

    public static String normalize(String table) {
        String name = table.replace("\"", "").toLowerCase(Locale.ROOT);
        return name.contains(".") ? name : "public." + name;
    }

    /** Column names and types of a CREATE TABLE, as written (for rules that need a column's old type). */
    static final class CreateTableColumns {

        private static final Set<String> CONSTRAINT_WORDS =
                Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE");
        private static final Set<String> TYPE_END = Set.of(
                "NOT",
                "NULL",
                "DEFAULT",
                "PRIMARY",
                "UNIQUE",
                "CHECK",
                "REFERENCES",
                "CONSTRAINT",
                "GENERATED",
                "COLLATE");

        static Map<String, String> of(StatementShape s) {
            Map<String, String> columns = new LinkedHashMap<>();
            items(s).forEach(definition -> column(definition, columns));
            return columns;
        }

        /** The columns a CREATE TABLE makes NOT NULL: by NOT NULL or PRIMARY KEY on the column, or a table PRIMARY KEY (…). */
        static Set<String> notNull(StatementShape s) {
            Set<String> required = new java.util.HashSet<>();
            for (List<SqlTokens.Token> definition : items(s)) {
                if (!definition.isEmpty() && definition.get(0).is("PRIMARY")) {
                    definition.stream()
                            .filter(t -> t.type() != SqlTokens.Type.PUNCTUATION && !t.is("PRIMARY") && !t.is("KEY"))
                            .forEach(t -> required.add(columnKey(t)));
                } else if (definition.size() > 1 && declaresNotNull(definition)) {
                    required.add(columnKey(definition.get(0)));
                }
            }
            return required;
        }

        /** The items of a CREATE TABLE's column list (columns and table constraints), split at its top-level commas. */
        private static List<List<SqlTokens.Token>> items(StatementShape s) {
            List<SqlTokens.Token> tokens = s.tokens();
            List<List<SqlTokens.Token>> items = new java.util.ArrayList<>();
            int open = -1;
            for (int i = 0; i < tokens.size() && open < 0; i++) {
                open = tokens.get(i).raw().equals("(") ? i : -1;
            }
            if (open < 0) {
                return items;
            }
            int depth = 0;
            int start = open + 1;
            for (int i = open; i < tokens.size(); i++) {
                String raw = tokens.get(i).raw();
                if (depth == 1 && (raw.equals(",") || raw.equals(")"))) {
                    items.add(tokens.subList(start, i));
                    start = i + 1;
                }
                depth += raw.equals("(") ? 1 : raw.equals(")") ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            return items;
        }

        /** Whether a column definition makes it NOT NULL (NOT NULL, or PRIMARY KEY) at its own level. */
        static boolean declaresNotNull(List<SqlTokens.Token> definition) {
            int depth = 0;
            for (int i = 1; i < definition.size(); i++) {
                SqlTokens.Token t = definition.get(i);
                depth += t.raw().equals("(") ? 1 : t.raw().equals(")") ? -1 : 0;
                if (depth == 0
                        && (t.is("NOT")
                                        && i + 1 < definition.size()
                                        && definition.get(i + 1).is("NULL")
                                || t.is("PRIMARY")
                                        && i + 1 < definition.size()
                                        && definition.get(i + 1).is("KEY"))) {
                    return true;
                }
            }
            return false;
        }

        private static String columnKey(SqlTokens.Token name) {
            return name.type() == SqlTokens.Type.QUOTED_IDENTIFIER
                    ? name.value()
                    : name.value().toLowerCase(Locale.ROOT);
        }

        static void column(List<SqlTokens.Token> definition, Map<String, String> columns) {
            if (definition.size() < 2
                    || definition.get(0).type() == SqlTokens.Type.WORD
                            && CONSTRAINT_WORDS.contains(definition.get(0).value())) {
                return;
            }
            StringBuilder type = new StringBuilder();
            int depth = 0;
            for (SqlTokens.Token t : definition.subList(1, definition.size())) {
                if (depth == 0 && t.type() == SqlTokens.Type.WORD && TYPE_END.contains(t.value())) {
                    break;
                }
                depth += t.raw().equals("(") ? 1 : t.raw().equals(")") ? -1 : 0;
                if (!type.isEmpty()
                        && !t.raw().equals("(")
                        && !t.raw().equals(")")
                        && !t.raw().equals(",")
                        && !type.toString().endsWith("(")) {
                    type.append(' ');
                }
                type.append(t.raw().toLowerCase(Locale.ROOT));
            }
            SqlTokens.Token name = definition.get(0);
            columns.put(
                    name.type() == SqlTokens.Type.QUOTED_IDENTIFIER
                            ? name.value()
                            : name.value().toLowerCase(Locale.ROOT),
                    type.toString());
        }
    }
}
