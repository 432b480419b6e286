package dev.schemaguard.sandbox.rollback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of every table of a sandbox, summed up so that two moments can be compared: per table the row count and a
 * checksum of its rows (each row as JSON, so that column order does not count), and per column a checksum of its
 * values as a multiset (so that the column whose values went can be named).
 */
record DataFingerprint(Map<String, Table> tables) {

    record Table(long rows, String checksum, Map<String, String> columns) {}

    private static final String LEAF_TABLES =
            "SELECT c.oid::regclass::text, ARRAY(SELECT quote_ident(a.attname) FROM pg_attribute a "
                    + "WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND "
                    + dev.schemaguard.tools.sql.UserSchemas.filterExcept("schemaguard") + " ORDER BY 1";

    static DataFingerprint of(Connection c) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = ''");
            try (ResultSet rs = s.executeQuery(LEAF_TABLES)) {
                while (rs.next()) {
                    tables.put(
                            rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
                }
            }
            s.execute("RESET search_path");
        }
        Map<String, Table> fingerprints = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            StringBuilder sql = new StringBuilder(
                    "SELECT count(*), md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY to_jsonb(t)::text), ''))");
            for (String column : table.getValue()) {
                String value = "coalesce(t." + column + "::text, E'\\\\N')";
                sql.append(", md5(coalesce(string_agg(")
                        .append(value)
                        .append(", E'\\n' ORDER BY ")
                        .append(value)
                        .append("), ''))");
            }
            sql.append(" FROM ").append(table.getKey()).append(" t");
            try (PreparedStatement s = c.prepareStatement(sql.toString());
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                Map<String, String> columns = new LinkedHashMap<>();
                for (int i = 0; i < table.getValue().size(); i++) {
                    columns.put(table.getValue().get(i), rs.getString(3 + i));
                }
                fingerprints.put(table.getKey(), new Table(rs.getLong(1), rs.getString(2), columns));
            }
        }
        return new DataFingerprint(fingerprints);
    }

    /** Per table that both moments have, whether its rows came back; the columns whose values did not. */
    List<RoundTripReport.TableData> compare(DataFingerprint after) {
        List<RoundTripReport.TableData> result = new ArrayList<>();
        for (Map.Entry<String, Table> table : tables.entrySet()) {
            Table was = table.getValue();
            Table is = after.tables.get(table.getKey());
            if (is == null || was.rows() == 0 && is.rows() == 0) {
                continue;
            }
            List<String> lost = new ArrayList<>();
            was.columns().forEach((column, checksum) -> {
                if (!checksum.equals(is.columns().get(column))) {
                    lost.add(column);
                }
            });
            result.add(new RoundTripReport.TableData(
                    table.getKey(), was.rows(), is.rows(), was.checksum().equals(is.checksum()), lost));
        }
        return result;
    }
}
