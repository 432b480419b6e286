package dev.schemaguard.tools.schema.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a PostgreSQL database's user schema as DDL that rebuilds it, in dependency order: every object the schema
 * holds (see {@link ObjectKind}) with what it depends on read from {@code pg_depend}, then sorted as pg_dump sorts
 * ({@link DependencySort}). The text is the server's own ({@code pg_get_*def}), read with an empty
 * {@code search_path} so that every name in it is qualified and means the same wherever the script runs. Objects owned
 * by extensions are left to the extension. Read-only: catalog queries only.
 */
public final class PostgresSchemaExporter {

    /** The user's schemas (namespace alias {@code n}): not the system's, not temporary. */
    public static final String USER_NAMESPACE = dev.schemaguard.tools.sql.UserSchemas.FILTER;

    /** Catalogs whose user objects are counted first, so that the readers of kinds a schema does not use are skipped. */
    private static final List<String> COUNTED = List.of(
            "pg_collation",
            "pg_operator",
            "pg_opclass",
            "pg_opfamily",
            "pg_cast",
            "pg_ts_dict",
            "pg_ts_config",
            "pg_foreign_data_wrapper",
            "pg_foreign_server",
            "pg_event_trigger",
            "pg_publication",
            "pg_statistic_ext",
            "pg_rewrite",
            "pg_policy",
            "pg_default_acl",
            "pg_aggregate",
            "pg_extension");

    /** The object is not a member of an extension (the extension creates it). */
    public static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend member WHERE member.classid = '" + catalog
                + "'::regclass AND member.objid = " + oid + " AND member.deptype = 'e')";
    }

    public SchemaScript export(Connection c) throws SQLException {
        return export(c, true);
    }

    /**
     * The objects as {@link #export} reads them, in the order they are read, without what they depend on: for
     * comparing two schemas, which needs each object's definition, not an order to create them in (reading and sorting
     * the dependencies is about a fifth of an export). Never for making a copy.
     */
    public SchemaScript exportForComparison(Connection c) throws SQLException {
        return export(c, false);
    }

    private SchemaScript export(Connection c, boolean ordered) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false);
        }
        String searchPath = setting(c, "SELECT pg_catalog.current_setting('search_path')");
        try {
            setting(c, "SELECT pg_catalog.set_config('search_path', '', true)");
            // the catalog queries are small: a parallel worker costs a process start each, and on two cores it
            // competes with the other side of a comparison read at the same time (about a tenth slower)
            setting(c, "SELECT pg_catalog.set_config('max_parallel_workers_per_gather', '0', true)");
            return read(c, ordered);
        } finally {
            if (autoCommit) {
                c.rollback();
                c.setAutoCommit(true);
            } else {
                try {
                    // the caller's transaction goes on as it was
                    try (PreparedStatement s =
                            c.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, true)")) {
                        s.setString(1, searchPath);
                        s.execute();
                    }
                } catch (SQLException e) {
                    // the transaction failed already: the setting ends with it
                }
            }
        }
    }

    private static String setting(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private SchemaScript read(Connection c, boolean ordered) throws SQLException {
        ExportContext x = new ExportContext(c, c.getMetaData().getDatabaseMajorVersion());
        census(x);
        new DatabaseObjectsReader(x).read();
        new TypeReader(x).read();
        new RoutineReader(x).read();
        new RelationReader(x).read();
        new TablePartsReader(x).read();
        new CommentReader(x).read();
        new AccessReader(x).read();
        if (!ordered) {
            List<SchemaObject> objects = List.copyOf(x.objects());
            List<String> statements = new ArrayList<>();
            objects.forEach(o -> statements.addAll(o.statements()));
            return SchemaScript.of(new DependencySort.Result(objects, statements, List.of()), x.notCopied);
        }
        new DependencyReader(x).read();
        DependencySort.Result sorted = DependencySort.sort(x.objects());
        List<String> notCopied = new ArrayList<>(x.notCopied);
        notCopied.addAll(sorted.problems());
        return SchemaScript.of(sorted, notCopied);
    }

    private static void census(ExportContext x) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < COUNTED.size(); i++) {
            String catalog = COUNTED.get(i);
            String oid = catalog.equals("pg_aggregate") ? "aggfnoid" : "oid";
            sql.append(i == 0 ? "" : ", ")
                    .append("(SELECT count(*) FROM pg_catalog.")
                    .append(catalog)
                    .append(" WHERE ")
                    .append(oid)
                    .append(" >= 16384")
                    .append(catalog.equals("pg_extension") ? " AND extname <> 'plpgsql'" : "")
                    .append(catalog.equals("pg_rewrite") ? " AND rulename <> '_RETURN'" : "")
                    .append(")");
        }
        try (PreparedStatement s = x.connection.prepareStatement(sql.toString());
                ResultSet rs = s.executeQuery()) {
            rs.next();
            for (int i = 0; i < COUNTED.size(); i++) {
                x.census.put(COUNTED.get(i), rs.getLong(i + 1));
            }
        }
    }
}
