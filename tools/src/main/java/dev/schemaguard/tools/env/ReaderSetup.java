package dev.schemaguard.tools.env;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that makes a login run_query may use on a protected environment: it can read every table of the database's
 * own schemas (now and, for tables the migration user makes later, by default privileges), and nothing else — no
 * superuser, no built-in roles, no ownership, no writes, no CREATE, read-only by default. Names are quoted by PostgreSQL.
 */
public final class ReaderSetup {

    private static final String SCHEMAS = "SELECT pg_catalog.quote_ident(n.nspname) FROM pg_catalog.pg_namespace n "
            + "WHERE " + dev.schemaguard.tools.sql.UserSchemas.FILTER
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
            + "WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e') ORDER BY n.nspname";

    private ReaderSetup() {}

    /**
     * @param c              a connection to the environment (read only is enough)
     * @param reader         the new login's name
     * @param migrationUser  the environment's user, whose future tables the reader may read too
     * @param password       the password to set, or null to leave it for a person to set ({@code \password} in psql)
     */
    public static List<String> statements(Connection c, String reader, String migrationUser, String password)
            throws SQLException {
        List<String> sql = new ArrayList<>(roleStatements(c, reader, password));
        sql.addAll(grantStatements(c, reader, migrationUser));
        return sql;
    }

    /** The login itself, once per server (roles are the cluster's, not a database's). */
    public static List<String> roleStatements(Connection c, String reader, String password) throws SQLException {
        String role = quoted(c, reader);
        return List.of(
                "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
                        + (password == null ? "" : " PASSWORD " + literal(c, password)),
                "ALTER ROLE " + role + " SET default_transaction_read_only = on");
    }

    /** Its read rights in the connection's database. */
    public static List<String> grantStatements(Connection c, String reader, String migrationUser) throws SQLException {
        List<String> sql = new ArrayList<>();
        String role = quoted(c, reader);
        sql.add("GRANT CONNECT ON DATABASE " + quoted(c, c.getCatalog()) + " TO " + role);
        try (PreparedStatement s = c.prepareStatement(SCHEMAS);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString(1);
                sql.add("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
                sql.add("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
                sql.add("GRANT SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
                sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + quoted(c, migrationUser) + " IN SCHEMA " + schema
                        + " GRANT SELECT ON TABLES TO " + role);
            }
        }
        return sql;
    }

    private static String quoted(Connection c, String name) throws SQLException {
        return one(c, "SELECT pg_catalog.quote_ident(?)", name);
    }

    private static String literal(Connection c, String value) throws SQLException {
        return one(c, "SELECT pg_catalog.quote_literal(?)", value);
    }

    private static String one(Connection c, String query, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
