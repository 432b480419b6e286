package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Up to N rows per table copied from the target into a sandbox, so that data-dependent failures show up in a dry run
 * (SET NOT NULL over existing NULLs, duplicates under a new unique index, casts that fail). Text columns whose names
 * look personal (e-mail, phone, name, address, password, token …) are masked on the way — replaced by a hash of the
 * value, in an e-mail's shape for e-mail columns — so no personal data leaves the target. Read-only toward the target
 * ({@code COPY … TO STDOUT} in its read-only transaction). Rows are loaded with triggers and foreign-key checks off
 * ({@code session_replication_role = replica}): a sample of each table need not hold the rows its references point to.
 */
public final class DataSample {

    private static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(e_?mail|phone|mobile|first_?name|last_?name|full_?name|^name$|address|line1|line2|street|password|"
                    + "token|secret|ssn|iban|birth|ip_addr).*");
    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character", "citext");

    private final Environments environments;
    private final String environment;
    private final int rowsPerTable;

    public DataSample(Environments environments, String environment, int rowsPerTable) {
        if (rowsPerTable < 1 || rowsPerTable > 100_000) {
            throw new ToolException("sample_rows must be between 1 and 100000, was " + rowsPerTable + ".");
        }
        this.environments = environments;
        this.environment = environment;
        this.rowsPerTable = rowsPerTable;
    }

    /** Part of the template's identity: a sandbox with a sample is not the same as one without. */
    public String key() {
        return environment + ":" + rowsPerTable;
    }

    /** @return rows copied */
    public long copyInto(Connection sandbox) {
        long rows = 0;
        try (Connection target = environments.openReadOnly(environment)) {
            CopyManager from = target.unwrap(PGConnection.class).getCopyAPI();
            CopyManager to = sandbox.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = sandbox.createStatement()) {
                s.execute("SET session_replication_role = replica");
            }
            for (TableColumns table : tables(target)) {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                from.copyOut("COPY (SELECT " + String.join(", ", table.selected()) + " FROM ONLY " + table.name()
                        + " LIMIT " + rowsPerTable + ") TO STDOUT", data);
                rows += to.copyIn("COPY " + table.name() + " (" + String.join(", ", table.columns()) + ") FROM STDIN",
                        new ByteArrayInputStream(data.toByteArray()));
            }
            try (Statement s = sandbox.createStatement()) {
                s.execute("SET session_replication_role = DEFAULT");
            }
            if (!sandbox.getAutoCommit()) {
                sandbox.commit();
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new ToolException("Copying a data sample from '" + environment + "' into the sandbox failed: " + e.getMessage());
        }
    }

    private record TableColumns(String name, List<String> columns, List<String> selected) {
    }

    private static List<TableColumns> tables(Connection target) throws SQLException {
        String sql = "SELECT format('%I.%I', n.nspname, r.relname), quote_ident(a.attname), format_type(a.atttypid, NULL), "
                + "t.typtype::text, coalesce(format_type(t.typbasetype, NULL), '') "
                + "FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace "
                + "JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' "
                + "JOIN pg_type t ON t.oid = a.atttypid "
                + "WHERE r.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
                + "AND n.nspname NOT LIKE 'pg_temp_%' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
                + "AND d.objid = r.oid AND d.deptype = 'e') ORDER BY r.oid, a.attnum";
        List<TableColumns> tables = new ArrayList<>();
        try (PreparedStatement s = target.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            TableColumns current = null;
            while (rs.next()) {
                if (current == null || !current.name().equals(rs.getString(1))) {
                    current = new TableColumns(rs.getString(1), new ArrayList<>(), new ArrayList<>());
                    tables.add(current);
                }
                String column = rs.getString(2);
                String type = "d".equals(rs.getString(4)) ? rs.getString(5) : rs.getString(3);
                current.columns().add(column);
                current.selected().add(masked(column, type.toLowerCase(Locale.ROOT), rs.getString(3)));
            }
        }
        return tables;
    }

    private static String masked(String column, String baseType, String declaredType) {
        String bare = column.replace("\"", "");
        if (!PERSONAL.matcher(bare).matches() || !TEXT_TYPES.contains(baseType)) {
            return column;
        }
        String hash = "left(md5(" + column + "::text), 12)";
        String value = bare.toLowerCase(Locale.ROOT).contains("mail") ? "'m' || " + hash + " || '@example.invalid'" : "'x' || " + hash;
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE (" + value + ")::" + declaredType + " END";
    }
}
