package dev.schemaguard.tools.drift.history;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.ToolException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table in which a migration tool records what it applied, found in an environment by the name and shape the tool
 * gives it (or by a name the caller gives, where the tool was configured with another), and read as the tool reads it.
 *
 * @param relation the table as SQL names it, quoted by PostgreSQL ({@code quote_ident})
 */
public record HistoryTable(String tool, String schema, String name, String relation) {

    /** Each tool's default table name; sqitch keeps its registry in a schema of its own. */
    static final Map<String, String> DEFAULT_NAMES = Map.of(
            "flyway", "flyway_schema_history",
            "liquibase", "databasechangelog",
            "golang-migrate", "schema_migrations",
            "dbmate", "schema_migrations",
            "rails", "schema_migrations",
            "diesel", "__diesel_schema_migrations",
            "prisma", "_prisma_migrations",
            "goose", "goose_db_version",
            "alembic", "alembic_version",
            "sqitch", "sqitch.changes");

    public String qualified() {
        return schema + "." + name;
    }

    /**
     * The history table of {@code tool} in the database: the one named {@code given} (optionally schema-qualified), or
     * the tool's default name in any schema. Null when there is none; refused when several match.
     */
    public static HistoryTable find(Connection c, String tool, String given) {
        String wanted = given != null ? given : DEFAULT_NAMES.get(tool);
        if (wanted == null) {
            throw new InputException("no history table is known for " + tool + " migrations");
        }
        int dot = wanted.indexOf('.');
        String schema = dot < 0 ? null : wanted.substring(0, dot);
        String name = dot < 0 ? wanted : wanted.substring(dot + 1);
        List<HistoryTable> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND c.relname = ? AND (? IS NULL OR n.nspname = ?) ORDER BY 1""")) {
            s.setString(1, name);
            s.setString(2, schema);
            s.setString(3, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new HistoryTable(tool, rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new ToolException("Looking for the " + tool + " history table failed: " + e.getMessage());
        }
        if (found.size() > 1) {
            throw new InputException("several " + tool + " history tables ("
                    + String.join(
                            ", ", found.stream().map(HistoryTable::qualified).toList())
                    + "); name the one to read (--history-table / history_table)");
        }
        if (found.isEmpty()) {
            return null;
        }
        HistoryTable table = found.get(0);
        if (java.util.Set.of("dbmate", "golang-migrate", "rails").contains(tool)) {
            table.requireShape(c);
        }
        return table;
    }

    /** schema_migrations is the name of three tools' tables: golang-migrate's has a dirty flag, the others do not. */
    private void requireShape(Connection c) {
        boolean dirty;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass
                AND a.attname = 'dirty' AND NOT a.attisdropped)""")) {
            s.setString(1, schema);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                dirty = rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new ToolException("Reading the columns of " + qualified() + " failed: " + e.getMessage());
        }
        if (dirty != tool.equals("golang-migrate")) {
            throw new InputException(
                    qualified() + " is " + (dirty ? "golang-migrate's" : "not golang-migrate's") + " history table (it "
                            + (dirty ? "has" : "has no") + " dirty column), but the migrations are " + tool + "'s");
        }
    }

    /** What the table says was applied, in the order it was applied, one entry per migration (its latest state). */
    public List<AppliedMigration> read(Connection c, MigrationsOnDisk onDisk) {
        try {
            return HistoryRows.read(c, this, onDisk);
        } catch (SQLException e) {
            throw new ToolException("Reading " + qualified() + " (" + tool + "'s history) failed: " + e.getMessage());
        }
    }
}
