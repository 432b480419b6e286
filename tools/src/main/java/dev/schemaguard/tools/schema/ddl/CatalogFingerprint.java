package dev.schemaguard.tools.schema.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A few milliseconds' worth of the catalog that tells whether a database's schema changed since it was last exported:
 * for every catalog the export reads, how many rows it has and the sum and largest of their creating transaction ids
 * ({@code xmin}). Every DDL statement inserts, updates or deletes catalog rows, and an update gives a row a new
 * {@code xmin}; statistics and freezing change rows in place without one, and so do not count as changes.
 */
public final class CatalogFingerprint {

    private static final List<String> CATALOGS = List.of(
            "pg_namespace",
            "pg_class",
            "pg_attribute",
            "pg_attrdef",
            "pg_constraint",
            "pg_index",
            "pg_inherits",
            "pg_type",
            "pg_enum",
            "pg_range",
            "pg_proc",
            "pg_aggregate",
            "pg_operator",
            "pg_opclass",
            "pg_opfamily",
            "pg_amop",
            "pg_amproc",
            "pg_cast",
            "pg_collation",
            "pg_ts_config",
            "pg_ts_config_map",
            "pg_ts_dict",
            "pg_foreign_data_wrapper",
            "pg_foreign_server",
            "pg_foreign_table",
            "pg_sequence",
            "pg_trigger",
            "pg_rewrite",
            "pg_event_trigger",
            "pg_publication",
            "pg_publication_rel",
            "pg_statistic_ext",
            "pg_policy",
            "pg_description",
            "pg_default_acl",
            "pg_extension",
            "pg_depend");

    private static final String SQL;

    static {
        // which database on which server: the same numbers elsewhere are another schema (a restart changes nothing
        // here)
        StringBuilder sql = new StringBuilder(
                "SELECT concat_ws(',', (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()), "
                        + "pg_catalog.inet_server_port(), ");
        for (int i = 0; i < CATALOGS.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) || ':' || "
                            + "coalesce(max(xmin::text::bigint), 0) FROM pg_catalog.")
                    .append(CATALOGS.get(i))
                    .append(")");
        }
        SQL = sql.append(")").toString();
    }

    private CatalogFingerprint() {}

    public static String of(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SQL);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
