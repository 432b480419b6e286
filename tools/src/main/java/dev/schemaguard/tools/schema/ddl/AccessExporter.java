package dev.schemaguard.tools.schema.ddl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may do what, as DDL: the roles the schema refers to (created NOLOGIN where missing — in a sandbox), object
 * ownership, privileges that differ from PostgreSQL's defaults (GRANTs beyond them, REVOKEs of them; a NULL ACL and an
 * explicit one equal to the default read the same: only explicit ACLs are read), and row-level security with its
 * policies.
 */
final class AccessExporter {

    private static final String USER_NAMESPACE = PostgresSchemaExporter.USER_NAMESPACE;

    /** Role names go into a dollar-quoted DO block: one that could end it is not written (its objects then differ, reported). */
    private static final Pattern SAFE_ROLE = Pattern.compile("[^$]+");

    /** Objects with an owner and an ACL: kind (as GRANT spells it), name, owner, ACL, the ACL kind for acldefault. */
    private static final String OBJECTS = "SELECT CASE r.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, "
            + "CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS alter_kind, "
            + "format('%I.%I', n.nspname, r.relname) AS name, r.relowner AS owner, r.relacl AS acl, "
            + "CASE r.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\" AS acl_kind "
            + "FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.relkind IN ('r','p','v','m','S') AND " + USER_NAMESPACE
            + " AND " + PostgresSchemaExporter.notInExtension("pg_class", "r.oid")
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid AND d.deptype = 'i') "
            + "UNION ALL SELECT 'SCHEMA', 'SCHEMA', quote_ident(n.nspname), n.nspowner, n.nspacl, 'n' FROM pg_namespace n WHERE "
            + USER_NAMESPACE + " AND " + PostgresSchemaExporter.notInExtension("pg_namespace", "n.oid") + " AND n.nspname <> 'public' "
            + "UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, "
            + "format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), p.proowner, p.proacl, 'f' "
            + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f','p') AND " + USER_NAMESPACE
            + " AND " + PostgresSchemaExporter.notInExtension("pg_proc", "p.oid") + " "
            + "UNION ALL SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, "
            + "format('%I.%I', n.nspname, t.typname), t.typowner, t.typacl, 'T' FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            + "WHERE t.typtype IN ('e','d') AND " + USER_NAMESPACE + " AND " + PostgresSchemaExporter.notInExtension("pg_type", "t.oid");

    private AccessExporter() {
    }

    /** Statements that create the roles the rest refers to; written before everything else. */
    static List<String> roles(Connection c) throws SQLException {
        Set<String> roles = new TreeSet<>();
        PostgresSchemaExporter.query(c, "WITH o AS (" + OBJECTS + ") SELECT pg_get_userbyid(o.owner) FROM o "
                + "UNION SELECT pg_get_userbyid(e.grantee) FROM o, aclexplode(o.acl) e WHERE o.acl IS NOT NULL AND e.grantee <> 0 "
                + "UNION SELECT r FROM pg_policies p, unnest(p.roles) r WHERE r <> 'public'", roles);
        List<String> out = new ArrayList<>();
        for (String role : roles) {
            if (SAFE_ROLE.matcher(role).matches()) {
                out.add("DO $sg$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal(role) + ") THEN CREATE ROLE "
                        + identifier(role) + " NOLOGIN; END IF; END$sg$");
            }
        }
        return out;
    }

    /** Row-level security and policies; written after the tables and the functions their expressions call. */
    static List<String> rowSecurity(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        String tables = "FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE r.relkind IN ('r','p') AND " + USER_NAMESPACE;
        PostgresSchemaExporter.query(c, "SELECT statement FROM (SELECT 1 AS part, format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', n.nspname, r.relname) "
                + "AS statement " + tables + " AND r.relrowsecurity "
                + "UNION ALL SELECT 2, format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', n.nspname, r.relname) " + tables
                + " AND r.relforcerowsecurity "
                + "UNION ALL SELECT 3, format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s', p.policyname, p.schemaname, p.tablename, "
                + "p.permissive, p.cmd, (SELECT string_agg(CASE WHEN r = 'public' THEN 'PUBLIC' ELSE quote_ident(r) END, ', ' ORDER BY r) "
                + "FROM unnest(p.roles) r)) "
                + "|| CASE WHEN p.qual IS NOT NULL THEN ' USING (' || p.qual || ')' ELSE '' END "
                + "|| CASE WHEN p.with_check IS NOT NULL THEN ' WITH CHECK (' || p.with_check || ')' ELSE '' END "
                + "FROM pg_policies p) s ORDER BY part, statement", out);
        return out;
    }

    /** Owners, then privileges beyond or short of the defaults; written last. */
    static List<String> ownersAndPrivileges(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        String grantee = "CASE WHEN %s.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(%s.grantee)) END";
        PostgresSchemaExporter.query(c, "WITH o AS (" + OBJECTS + ") SELECT statement FROM ("
                + "SELECT 1 AS part, format('ALTER %s %s OWNER TO %I', o.alter_kind, o.name, pg_get_userbyid(o.owner)) AS statement FROM o "
                + "UNION SELECT 2, format('GRANT %s ON %s %s TO %s%s', e.privilege_type, o.kind, o.name, " + grantee.formatted("e", "e")
                + ", CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END) FROM o, aclexplode(o.acl) e "
                + "WHERE o.acl IS NOT NULL AND NOT EXISTS (SELECT 1 FROM aclexplode(acldefault(o.acl_kind, o.owner)) d "
                + "WHERE d.grantee = e.grantee AND d.privilege_type = e.privilege_type AND d.is_grantable = e.is_grantable) "
                + "UNION SELECT 3, format('REVOKE %s ON %s %s FROM %s', d.privilege_type, o.kind, o.name, " + grantee.formatted("d", "d")
                + ") FROM o, aclexplode(acldefault(o.acl_kind, o.owner)) d WHERE o.acl IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                + "aclexplode(o.acl) e WHERE e.grantee = d.grantee AND e.privilege_type = d.privilege_type)"
                + ") s ORDER BY part, statement", out);
        return out;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
