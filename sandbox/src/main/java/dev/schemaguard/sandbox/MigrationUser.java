package dev.schemaguard.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The role a migration runs as on the target, as the sandbox must imitate it: its name, the roles it is a member of
 * (never PostgreSQL's predefined {@code pg_*} roles, which reach files, programs and other sessions), whether it may
 * create roles, bypass row-level security, or create schemas and temporary tables in the database. A superuser on the
 * target is imitated by membership in every role of the schema — never by being a superuser.
 */
public record MigrationUser(
        String name,
        boolean superuser,
        boolean createRole,
        boolean bypassRls,
        List<String> memberOf,
        boolean createInDatabase,
        boolean temporaryInDatabase) {

    /** No target role to imitate: the migration runs with no rights but the copy's defaults. */
    public static final MigrationUser NONE = new MigrationUser(null, false, false, false, List.of(), false, false);

    public MigrationUser {
        memberOf = List.copyOf(memberOf);
    }

    /** The connected user of the target, read in the same transaction as its schema. */
    public static MigrationUser of(Connection target) throws SQLException {
        try (PreparedStatement s =
                        target.prepareStatement("SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolbypassrls, "
                                + "ARRAY(SELECT m.rolname FROM pg_catalog.pg_roles m WHERE m.oid <> r.oid AND pg_catalog.pg_has_role(r.oid, m.oid, 'MEMBER') "
                                + "AND m.rolname NOT LIKE 'pg\\_%' ORDER BY 1), "
                                + "pg_catalog.has_database_privilege(r.oid, current_database(), 'CREATE'), "
                                + "pg_catalog.has_database_privilege(r.oid, current_database(), 'TEMPORARY') "
                                + "FROM pg_catalog.pg_roles r WHERE r.rolname = current_user");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return NONE;
            }
            return new MigrationUser(
                    rs.getString(1),
                    rs.getBoolean(2),
                    rs.getBoolean(3),
                    rs.getBoolean(4),
                    List.of((String[]) rs.getArray(5).getArray()),
                    rs.getBoolean(6),
                    rs.getBoolean(7));
        }
    }
}
