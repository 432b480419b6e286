package dev.schemaguard.tools.schema.ddl;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.USER_NAMESPACE;
import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.notInExtension;

/**
 * Who may do what, as DDL: the roles the schema names (created NOLOGIN where missing — in a sandbox), owners,
 * privileges that differ from PostgreSQL's defaults (GRANTs beyond them, REVOKEs of them; only explicit ACLs are read,
 * so a NULL ACL and one equal to the default read the same), column privileges, and default privileges for objects
 * created later (which a migration's new tables get).
 */
final class AccessReader {

    /** Role names go into a dollar-quoted DO block: one that could end it is not written (its objects then differ, reported). */
    private static final Pattern SAFE_ROLE = Pattern.compile("[^$]+");

    /** Objects with an owner and an ACL: catalog, oid, how GRANT names it, owner, ACL, the ACL kind for acldefault. */
    private static final String OBJECTS =
            "SELECT 'pg_class'::regclass::oid AS catalog, r.oid, CASE r.relkind WHEN 'S' THEN 'SEQUENCE ' "
                    + "ELSE 'TABLE ' END || r.oid::regclass::text AS target, r.relowner AS owner, r.relacl AS acl, "
                    + "CASE r.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\" AS acl_kind "
                    + "FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.relkind IN ('r','p','v','m','S','f') AND r.relacl IS NOT NULL AND "
                    + USER_NAMESPACE + " AND " + notInExtension("pg_class", "r.oid")
                    + " UNION ALL SELECT 'pg_namespace'::regclass::oid, n.oid, 'SCHEMA ' || quote_ident(n.nspname), n.nspowner, n.nspacl, 'n' FROM pg_namespace n "
                    + "WHERE n.nspacl IS NOT NULL AND " + USER_NAMESPACE + " AND "
                    + notInExtension("pg_namespace", "n.oid") + " AND n.nspname <> 'public' "
                    + "UNION ALL SELECT 'pg_proc'::regclass::oid, p.oid, CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || p.oid::regprocedure::text, "
                    + "p.proowner, p.proacl, 'f' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proacl IS NOT NULL AND "
                    + USER_NAMESPACE + " AND " + notInExtension("pg_proc", "p.oid")
                    + " UNION ALL SELECT 'pg_type'::regclass::oid, t.oid, CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || t.oid::regtype::text, "
                    + "t.typowner, t.typacl, 'T' FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typacl IS NOT NULL "
                    + "AND t.typtype IN ('e','d','c','r') AND " + USER_NAMESPACE + " AND "
                    + notInExtension("pg_type", "t.oid")
                    + " UNION ALL SELECT 'pg_foreign_server'::regclass::oid, s.oid, 'FOREIGN SERVER ' || quote_ident(s.srvname), s.srvowner, s.srvacl, 'S' "
                    + "FROM pg_foreign_server s WHERE s.srvacl IS NOT NULL AND "
                    + notInExtension("pg_foreign_server", "s.oid")
                    + " UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass::oid, w.oid, 'FOREIGN DATA WRAPPER ' || quote_ident(w.fdwname), w.fdwowner, "
                    + "w.fdwacl, 'F' FROM pg_foreign_data_wrapper w WHERE w.fdwacl IS NOT NULL AND "
                    + notInExtension("pg_foreign_data_wrapper", "w.oid");

    /** The grantee's role name; NULL for PUBLIC. */
    private static final String ROLE = "CASE WHEN %1$s.grantee <> 0 THEN pg_get_userbyid(%1$s.grantee) END";

    private static final String GRANTEE =
            "CASE WHEN %1$s.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(%1$s.grantee)) END";

    private final ExportContext x;

    AccessReader(ExportContext x) {
        this.x = x;
    }

    void read() throws SQLException {
        privileges();
        columnPrivileges();
        if (x.has("pg_default_acl")) {
            defaultPrivileges();
        }
        owners();
        roles();
    }

    private void privileges() throws SQLException {
        x.rows(
                "WITH o AS (" + OBJECTS + ") "
                        + "SELECT o.catalog, o.oid, format('GRANT %s ON %s TO %s%s', e.privilege_type, o.target, "
                        + GRANTEE.formatted("e")
                        + ", CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END), " + ROLE.formatted("e")
                        + " "
                        + "FROM o, aclexplode(o.acl) e WHERE NOT EXISTS (SELECT 1 FROM aclexplode(acldefault(o.acl_kind, o.owner)) d "
                        + "WHERE d.grantee = e.grantee AND d.privilege_type = e.privilege_type AND d.is_grantable = e.is_grantable) "
                        + "UNION ALL SELECT o.catalog, o.oid, format('REVOKE %s ON %s FROM %s', d.privilege_type, o.target, "
                        + GRANTEE.formatted("d")
                        + "), " + ROLE.formatted("d")
                        + " FROM o, aclexplode(acldefault(o.acl_kind, o.owner)) d WHERE NOT EXISTS (SELECT 1 FROM "
                        + "aclexplode(o.acl) e WHERE e.grantee = d.grantee AND e.privilege_type = d.privilege_type) ORDER BY 3",
                rs -> {
                    String object = x.primaryOf(rs.getLong(1), rs.getLong(2));
                    if (object != null) {
                        grant(rs.getString(3), object, rs.getString(4));
                    }
                });
    }

    private void columnPrivileges() throws SQLException {
        x.rows(
                "SELECT a.attrelid, format('GRANT %s (%I) ON TABLE %s TO %s%s', e.privilege_type, a.attname, a.attrelid::regclass, "
                        + GRANTEE.formatted("e") + ", CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END), "
                        + ROLE.formatted("e") + " "
                        + "FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
                        + "CROSS JOIN LATERAL aclexplode(a.attacl) e WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND "
                        + USER_NAMESPACE + " AND " + notInExtension("pg_class", "r.oid") + " ORDER BY 2",
                rs -> {
                    String table = x.primaryOf(x.catalog("pg_class"), rs.getLong(1));
                    if (table != null) {
                        grant(rs.getString(2), table, rs.getString(3));
                    }
                });
    }

    /**
     * Per schema, the ACL is what is added; for the whole database it replaces PostgreSQL's own default, so what it
     * lacks of that default is revoked.
     */
    private void defaultPrivileges() throws SQLException {
        String objects =
                "CASE a.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' "
                        + "WHEN 'n' THEN 'SCHEMAS' ELSE 'LARGE OBJECTS' END";
        String head = "'ALTER DEFAULT PRIVILEGES FOR ROLE ' || quote_ident(pg_get_userbyid(a.defaclrole)) "
                + "|| CASE WHEN a.defaclnamespace <> 0 THEN ' IN SCHEMA ' || quote_ident(n.nspname) ELSE '' END";
        String kind = "CASE a.defaclobjtype WHEN 'S' THEN 's' ELSE a.defaclobjtype END::\"char\"";
        x.rows(
                "SELECT " + head + " || format(' GRANT %s ON %s TO %s%s', e.privilege_type, " + objects + ", "
                        + GRANTEE.formatted("e")
                        + ", CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END), pg_get_userbyid(a.defaclrole), "
                        + ROLE.formatted("e") + ", "
                        + "quote_ident(n.nspname) FROM pg_default_acl a LEFT JOIN pg_namespace n ON n.oid = a.defaclnamespace "
                        + "CROSS JOIN LATERAL aclexplode(a.defaclacl) e WHERE a.defaclnamespace <> 0 OR NOT EXISTS (SELECT 1 FROM "
                        + "aclexplode(acldefault(" + kind
                        + ", a.defaclrole)) d WHERE d.grantee = e.grantee AND d.privilege_type = e.privilege_type "
                        + "AND d.is_grantable = e.is_grantable) "
                        + "UNION ALL SELECT " + head + " || format(' REVOKE %s ON %s FROM %s', d.privilege_type, "
                        + objects + ", " + GRANTEE.formatted("d")
                        + "), pg_get_userbyid(a.defaclrole), " + ROLE.formatted("d")
                        + ", NULL FROM pg_default_acl a LEFT JOIN pg_namespace n ON n.oid = a.defaclnamespace "
                        + "CROSS JOIN LATERAL aclexplode(acldefault(" + kind
                        + ", a.defaclrole)) d WHERE a.defaclnamespace = 0 AND NOT EXISTS "
                        + "(SELECT 1 FROM aclexplode(a.defaclacl) e WHERE e.grantee = d.grantee AND e.privilege_type = d.privilege_type) ORDER BY 1",
                rs -> {
                    String statement = rs.getString(1);
                    x.roles.add(rs.getString(2));
                    if (rs.getString(3) != null) {
                        x.roles.add(rs.getString(3));
                    }
                    Set<String> dependsOn = rs.getString(4) == null
                            ? Set.of()
                            : Set.of(ExportContext.key(ObjectKind.SCHEMA, rs.getString(4)));
                    x.add(new SchemaObject(
                            ObjectKind.DEFAULT_PRIVILEGES,
                            statement,
                            null,
                            null,
                            List.of(statement),
                            dependsOn,
                            Set.of(),
                            List.of(),
                            null));
                });
    }

    private void grant(String statement, String objectKey, String grantee) {
        if (grantee != null) {
            x.roles.add(grantee);
        }
        x.add(new SchemaObject(
                ObjectKind.PRIVILEGE,
                statement,
                null,
                null,
                List.of(statement),
                Set.of(objectKey),
                Set.of(),
                List.of(),
                null));
    }

    private void owners() throws SQLException {
        for (java.util.Map.Entry<String, String[]> owner : x.owners().entrySet()) {
            String[] what = owner.getValue();
            x.add(new SchemaObject(
                    ObjectKind.OWNER,
                    what[0],
                    null,
                    null,
                    List.of("ALTER " + what[0] + " OWNER TO " + x.quoteIdent(what[1])),
                    Set.of(owner.getKey()),
                    Set.of(),
                    List.of(),
                    null));
        }
    }

    /** Statements that create the roles the rest refers to; written before everything else. */
    private void roles() {
        for (String role : x.roles) {
            if (SAFE_ROLE.matcher(role).matches()) {
                x.add(SchemaObject.of(
                        ObjectKind.ROLE,
                        role,
                        null,
                        null,
                        List.of("DO $sg$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                                + DatabaseObjectsReader.literal(role) + ") THEN CREATE ROLE " + identifier(role)
                                + " NOLOGIN; END IF; END$sg$")));
            }
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
