package dev.schemaguard.policies.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What keeps run_query a read is the role it runs as, not a list of forbidden words: a role that is no superuser, is in
 * none of the roles that reach server files, programs or other backends, owns nothing, may write no table and is not
 * the environment's migration role (a role may signal its own role's backends) can read what it was granted and nothing
 * else — not pg_authid, not host files, whatever the query's text. This reads those facts from PostgreSQL, as the
 * connected role.
 */
final class ReaderRoleCheck {

    /** Built-in roles that act outside a read: files, programs, signals, writes everywhere, maintenance. */
    static final List<String> FORBIDDEN_MEMBERSHIPS = List.of(
            "pg_read_server_files",
            "pg_write_server_files",
            "pg_execute_server_program",
            "pg_signal_backend",
            "pg_write_all_data",
            "pg_maintain",
            "pg_signal_autovacuum_worker",
            "pg_create_subscription",
            "pg_checkpoint");

    private static final String USER_SCHEMA = dev.schemaguard.tools.sql.UserSchemas.FILTER;
    private static final String QUERY =
            "SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls, "
                    + "ARRAY(SELECT b.rolname::text FROM pg_catalog.pg_roles b WHERE b.rolname = ANY (?) AND pg_catalog.pg_has_role(r.oid, b.oid, 'MEMBER') ORDER BY 1), "
                    + "EXISTS (SELECT 1 FROM pg_catalog.pg_roles m WHERE m.rolname = ? AND pg_catalog.pg_has_role(r.oid, m.oid, 'MEMBER')), "
                    + "ARRAY(SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                    + "  WHERE " + USER_SCHEMA
                    + " AND c.relkind IN ('r','p','v','m','f','S','i') AND pg_catalog.pg_has_role(r.oid, c.relowner, 'MEMBER') ORDER BY 1 LIMIT 3), "
                    + "ARRAY(SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                    + "  WHERE " + USER_SCHEMA
                    + " AND c.relkind IN ('r','p','v','f') AND pg_catalog.has_table_privilege(r.oid, c.oid, "
                    + "  'INSERT, UPDATE, DELETE, TRUNCATE, TRIGGER') ORDER BY 1 LIMIT 3), "
                    + "ARRAY(SELECT n.nspname::text FROM pg_catalog.pg_namespace n WHERE " + USER_SCHEMA
                    + "  AND (pg_catalog.pg_has_role(r.oid, n.nspowner, 'MEMBER') OR (pg_catalog.has_schema_privilege(r.oid, n.oid, 'CREATE') "
                    + "  AND NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(n.nspacl) a WHERE a.grantee = 0 AND a.privilege_type = 'CREATE'))) ORDER BY 1 LIMIT 3), "
                    + "pg_catalog.pg_has_role(r.oid, d.datdba, 'MEMBER') OR pg_catalog.has_database_privilege(r.oid, d.oid, 'CREATE') "
                    + "FROM pg_catalog.pg_roles r, pg_catalog.pg_database d WHERE r.rolname = current_user AND d.datname = pg_catalog.current_database()";

    private ReaderRoleCheck() {}

    /**
     * @param migrationUser the environment's own user, which the reader must not be nor belong to
     * @return each right the connected role has that a reader must not have, in words; empty when it is a reader
     */
    static List<String> problems(Connection c, String migrationUser) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setArray(1, c.createArrayOf("text", FORBIDDEN_MEMBERSHIPS.toArray()));
            s.setString(2, migrationUser);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return List.of("the connected role cannot be read from pg_roles");
                }
                String role = rs.getString(1);
                flag(problems, rs.getBoolean(2), "is a superuser");
                flag(problems, rs.getBoolean(3), "may create roles (CREATEROLE)");
                flag(problems, rs.getBoolean(4), "may create databases (CREATEDB)");
                flag(problems, rs.getBoolean(5), "is a replication role");
                flag(problems, rs.getBoolean(6), "bypasses row-level security (BYPASSRLS)");
                List<String> memberships = List.of((String[]) rs.getArray(7).getArray());
                flag(problems, !memberships.isEmpty(), "is a member of " + String.join(", ", memberships));
                flag(
                        problems,
                        rs.getBoolean(8) || role.equals(migrationUser),
                        "is, or is a member of, the environment's own user " + migrationUser);
                List<String> owned = List.of((String[]) rs.getArray(9).getArray());
                flag(problems, !owned.isEmpty(), "owns " + String.join(", ", owned));
                List<String> writable = List.of((String[]) rs.getArray(10).getArray());
                flag(problems, !writable.isEmpty(), "may write to " + String.join(", ", writable));
                List<String> schemas = List.of((String[]) rs.getArray(11).getArray());
                flag(problems, !schemas.isEmpty(), "owns or may create in the schema(s) " + String.join(", ", schemas));
                flag(problems, rs.getBoolean(12), "owns the database or may create schemas in it");
                return problems.isEmpty()
                        ? List.of()
                        : problems.stream().map(p -> role + " " + p).toList();
            }
        }
    }

    private static void flag(List<String> problems, boolean condition, String problem) {
        if (condition) {
            problems.add(problem);
        }
    }
}
