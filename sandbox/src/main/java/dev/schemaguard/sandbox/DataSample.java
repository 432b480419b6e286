package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.SampleMasking;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.USER_NAMESPACE;
import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.notInExtension;

/**
 * Up to N rows per table copied from the target into a sandbox, so that data-dependent failures show up in a dry run
 * (SET NOT NULL over existing NULLs, duplicates under a new unique index, casts that fail). Text columns whose names
 * look personal (e-mail, phone, name, address, password, token …), and those {@code sandbox.masking.mask} names, are
 * masked on the way — replaced by a hash of the value, in an e-mail's shape for e-mail columns; other types emptied —
 * so no personal data leaves the target; {@code sandbox.masking.keep} names columns to copy as they are. Read-only toward the target
 * ({@code COPY … TO STDOUT} in its read-only transaction).
 * <p>
 * The sample keeps its foreign keys: tables are sampled children first, each table's rows being N of its own plus
 * every row its sampled children reference (so a parent may hold more than N); references that self-references and
 * cycles leave dangling are then set to NULL, or their rows dropped, so that a migration adding or validating a
 * foreign key fails in the dry run only when it would fail on the target. Rows are loaded with triggers off ({@code session_replication_role = replica}).
 */
public final class DataSample {

    private static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(e_?mail|phone|mobile|first_?name|last_?name|full_?name|^name$|address|line1|line2|street|password|"
                    + "token|secret|ssn|iban|birth|ip_addr).*");
    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character", "citext");

    private final Environments environments;
    private final String environment;
    private final int rowsPerTable;
    private final SampleMasking masking;

    public DataSample(Environments environments, String environment, int rowsPerTable) {
        this(environments, environment, rowsPerTable, SampleMasking.BUILT_IN);
    }

    /** @param masking columns masked beyond, or kept despite, the built-in personal-looking names ({@code sandbox.masking}) */
    public DataSample(Environments environments, String environment, int rowsPerTable, SampleMasking masking) {
        this.masking = masking;
        if (rowsPerTable < 1 || rowsPerTable > 100_000) {
            throw new ToolException("sample_rows must be between 1 and 100000, was " + rowsPerTable + ".");
        }
        this.environments = environments;
        this.environment = environment;
        this.rowsPerTable = rowsPerTable;
    }

    /** Part of the template's identity: a sandbox with a sample is not the same as one without. */
    public String key() {
        return environment + ":" + rowsPerTable + ":" + masking.key();
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
            List<TableColumns> tables = tables(target, masking);
            List<ForeignKey> keys = foreignKeys(target);
            Map<String, TableColumns> byName = new LinkedHashMap<>();
            tables.forEach(t -> byName.put(t.name(), t));
            propagateMasks(keys, byName);
            // Children first: each table's rows are N of its own plus every row its already-sampled children reference.
            Map<String, Set<List<String>>> required = new HashMap<>();
            List<TableColumns> parentsFirst = parentsFirst(tables, keys);
            List<TableColumns> order = new ArrayList<>(parentsFirst);
            java.util.Collections.reverse(order);
            Map<String, String> selections = new HashMap<>();
            for (TableColumns table : order) {
                List<ForeignKey> upward = keys.stream()
                        .filter(k -> k.child().equals(table.name()) && byName.containsKey(k.parent()))
                        .toList();
                List<List<String>> values = new ArrayList<>();
                String filter = "ctid IN (SELECT ctid FROM ONLY " + table.name() + " LIMIT " + rowsPerTable + ")";
                Set<String> referencedKeys = new HashSet<>();
                for (ForeignKey key : keys) {
                    String referenced = key.parent() + "\u0000" + String.join(",", key.parentColumns());
                    Set<List<String>> wanted = required.get(referenced);
                    if (key.parent().equals(table.name())
                            && wanted != null
                            && !wanted.isEmpty()
                            && referencedKeys.add(referenced)) {
                        filter += " OR " + tupleIn(key.parentColumns(), wanted, values);
                    }
                }
                List<String> selected = new ArrayList<>(List.of("ctid::text"));
                upward.forEach(k -> k.childColumns().forEach(c -> selected.add(c + "::text")));
                List<String> ctids = new ArrayList<>();
                // the referenced keys are the target's data: bound as parameters, never written into the SQL
                try (PreparedStatement s = target.prepareStatement(
                        "SELECT " + String.join(", ", selected) + " FROM ONLY " + table.name() + " WHERE " + filter)) {
                    for (int i = 0; i < values.size(); i++) {
                        s.setArray(
                                i + 1,
                                target.createArrayOf("text", values.get(i).toArray()));
                    }
                    ResultSet rs = s.executeQuery();
                    while (rs.next()) {
                        ctids.add(rs.getString(1));
                        int column = 2;
                        for (ForeignKey key : upward) {
                            List<String> reference = new ArrayList<>();
                            for (int i = 0; i < key.childColumns().size(); i++) {
                                reference.add(rs.getString(column++));
                            }
                            if (reference.stream().allMatch(java.util.Objects::nonNull)) {
                                required.computeIfAbsent(
                                                key.parent() + "\u0000" + String.join(",", key.parentColumns()),
                                                k -> new HashSet<>())
                                        .add(reference);
                            }
                        }
                    }
                }
                // COPY takes no parameters; ctids are the server's own "(block,offset)" text, checked before use
                selections.put(
                        table.name(),
                        "ctid = ANY('{"
                                + ctids.stream()
                                        .map(c -> "\"" + checkedCtid(c) + "\"")
                                        .collect(java.util.stream.Collectors.joining(","))
                                + "}'::tid[])");
            }
            Set<String> made = existingIn(
                    sandbox, parentsFirst.stream().map(TableColumns::name).toList());
            for (TableColumns table : parentsFirst) {
                if (!made.contains(table.name())) {
                    continue; // not copied (a type the copy cannot make): the clone differences say so, its rows cannot
                    // go in
                }
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                from.copyOut(
                        "COPY (SELECT " + String.join(", ", table.selected()) + " FROM ONLY " + table.name() + " WHERE "
                                + selections.get(table.name()) + ") TO STDOUT",
                        data);
                rows += to.copyIn(
                        "COPY " + table.name() + " (" + String.join(", ", table.columns()) + ") FROM STDIN",
                        new ByteArrayInputStream(data.toByteArray()));
            }
            rows -= removeOrphans(sandbox);
            copySequenceStates(target, sandbox);
            try (Statement s = sandbox.createStatement()) {
                s.execute("SET session_replication_role = DEFAULT");
            }
            if (!sandbox.getAutoCommit()) {
                sandbox.commit();
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new ToolException(
                    "Copying a data sample from '" + environment + "' into the sandbox failed: " + e.getMessage());
        }
    }

    /**
     * Each sequence where the target's stands, so that the copy's next id does not collide with a sampled row's (an
     * audit trigger's insert, a new order): what a statement does to rows must go as it would on the target.
     */
    private static void copySequenceStates(Connection target, Connection sandbox) throws SQLException {
        Map<String, Long> states = new LinkedHashMap<>();
        try (Statement s = target.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), q.last_value "
                                + "FROM pg_catalog.pg_sequences q JOIN pg_catalog.pg_namespace n ON n.nspname = q.schemaname "
                                + "JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = q.sequencename "
                                + "WHERE q.last_value IS NOT NULL AND " + USER_NAMESPACE + " AND "
                                + notInExtension("pg_class", "c.oid")
                                + " ORDER BY 1")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        Set<String> made = existingIn(sandbox, List.copyOf(states.keySet()));
        try (PreparedStatement s =
                sandbox.prepareStatement("SELECT pg_catalog.setval(?::pg_catalog.regclass, ?, true)")) {
            for (Map.Entry<String, Long> e : states.entrySet()) {
                if (!made.contains(e.getKey())) {
                    continue;
                }
                s.setString(1, e.getKey());
                s.setLong(2, e.getValue());
                s.executeQuery().close();
            }
        }
    }

    /** Which of the relations the copy has (one query: a 10,000-table sample asks once, not per table). */
    private static Set<String> existingIn(Connection sandbox, List<String> relations) throws SQLException {
        Set<String> made = new HashSet<>();
        try (PreparedStatement s = sandbox.prepareStatement(
                "SELECT r FROM pg_catalog.unnest(?::text[]) r WHERE pg_catalog.to_regclass(r) IS NOT NULL")) {
            s.setArray(1, sandbox.createArrayOf("text", relations.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    made.add(rs.getString(1));
                }
            }
        }
        return made;
    }

    /** A foreign key, by the names of its tables and (quoted) columns. */
    private record ForeignKey(String child, List<String> childColumns, String parent, List<String> parentColumns) {}

    private record TableColumns(
            String name, List<String> columns, List<String> types, List<String> declared, List<Mask> masks) {

        List<String> selected() {
            List<String> selected = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                selected.add(masks.get(i).apply(columns.get(i), declared.get(i)));
            }
            return selected;
        }

        int indexOf(String column) {
            return columns.indexOf(column);
        }
    }

    /** How a column's values leave the target: as they are, or replaced by a hash (in an e-mail's shape for e-mails). */
    enum Mask {
        NONE,
        HASH,
        EMAIL,
        NULL;

        String apply(String column, String declaredType) {
            if (this == NONE) {
                return column;
            }
            if (this == NULL) {
                return "NULL::" + declaredType;
            }
            String hash = "left(md5(" + column + "::text), 12)";
            String value = this == EMAIL ? "'m' || " + hash + " || '@example.invalid'" : "'x' || " + hash;
            return "CASE WHEN " + column + " IS NULL THEN NULL ELSE (" + value + ")::" + declaredType + " END";
        }
    }

    /** {@code (a::text, b::text) IN (SELECT * FROM unnest($1$::text[], $2$::text[]))}, the arrays added to {@code values}. */
    private static String tupleIn(List<String> columns, Set<List<String>> tuples, List<List<String>> values) {
        List<String> arrays = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            List<String> column = new ArrayList<>();
            for (List<String> tuple : tuples) {
                column.add(tuple.get(i));
            }
            values.add(column);
            arrays.add("?::text[]");
        }
        return "(" + columns.stream().map(c -> c + "::text").collect(java.util.stream.Collectors.joining(", "))
                + ") IN (SELECT * FROM unnest(" + String.join(", ", arrays) + "))";
    }

    private static String checkedCtid(String ctid) {
        if (!ctid.matches("\\(\\d+,\\d+\\)")) {
            throw new IllegalStateException("not a ctid: " + ctid);
        }
        return ctid;
    }

    /**
     * Self-references and cycles cannot be sampled parents-first: afterwards, references to rows that were not copied
     * are set to NULL where the columns allow it, and their rows removed where not, until every foreign key holds.
     *
     * @return rows removed
     */
    private static long removeOrphans(Connection sandbox) throws SQLException {
        List<ForeignKey> keys = foreignKeys(sandbox);
        long removed = 0;
        for (int round = 0; round < 20; round++) {
            long changed = 0;
            for (ForeignKey key : keys) {
                List<String> match = new ArrayList<>();
                List<String> notNull = new ArrayList<>();
                for (int i = 0; i < key.childColumns().size(); i++) {
                    match.add("p." + key.parentColumns().get(i) + " = c."
                            + key.childColumns().get(i));
                    notNull.add("c." + key.childColumns().get(i) + " IS NOT NULL");
                }
                String orphan = String.join(" AND ", notNull) + " AND NOT EXISTS (SELECT 1 FROM " + key.parent()
                        + " p WHERE " + String.join(" AND ", match) + ")";
                boolean inTransaction = !sandbox.getAutoCommit();
                try (Statement s = sandbox.createStatement()) {
                    try {
                        if (inTransaction) {
                            s.execute("SAVEPOINT sample_orphans");
                        }
                        changed += s.executeUpdate("UPDATE " + key.child() + " c SET "
                                + key.childColumns().stream()
                                        .map(col -> col + " = NULL")
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + " WHERE " + orphan);
                    } catch (SQLException notNullable) {
                        if (inTransaction) {
                            s.execute("ROLLBACK TO SAVEPOINT sample_orphans");
                        }
                        int deleted = s.executeUpdate("DELETE FROM " + key.child() + " c WHERE " + orphan);
                        removed += deleted;
                        changed += deleted;
                    }
                }
            }
            if (changed == 0) {
                break;
            }
        }
        return removed;
    }

    /** Tables ordered so that a table comes after the tables it references (cycles broken in catalog order). */
    private static List<TableColumns> parentsFirst(List<TableColumns> tables, List<ForeignKey> keys) {
        List<TableColumns> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        Map<String, TableColumns> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        for (TableColumns t : tables) {
            visit(t.name(), byName, keys, placed, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(
            String table,
            Map<String, TableColumns> byName,
            List<ForeignKey> keys,
            Set<String> placed,
            Set<String> visiting,
            List<TableColumns> ordered) {
        if (placed.contains(table) || !visiting.add(table) || !byName.containsKey(table)) {
            return;
        }
        for (ForeignKey key : keys) {
            if (key.child().equals(table)) {
                visit(key.parent(), byName, keys, placed, visiting, ordered);
            }
        }
        visiting.remove(table);
        placed.add(table);
        ordered.add(byName.get(table));
    }

    /** A reference to a masked key is masked the same way, so that it still finds its row. */
    private static void propagateMasks(List<ForeignKey> keys, Map<String, TableColumns> tables) {
        for (int round = 0; round < 5; round++) {
            for (ForeignKey key : keys) {
                TableColumns child = tables.get(key.child());
                TableColumns parent = tables.get(key.parent());
                if (child == null || parent == null) {
                    continue;
                }
                for (int i = 0; i < key.childColumns().size(); i++) {
                    int p = parent.indexOf(key.parentColumns().get(i));
                    int c = child.indexOf(key.childColumns().get(i));
                    if (p >= 0
                            && c >= 0
                            && parent.masks().get(p) != Mask.NONE
                            && TEXT_TYPES.contains(child.types().get(c))) {
                        child.masks().set(c, parent.masks().get(p));
                    }
                }
            }
        }
    }

    private static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        String sql = "SELECT format('%I.%I', n.nspname, cr.relname), format('%I.%I', pn.nspname, pr.relname), "
                + "array(SELECT quote_ident(a.attname) FROM unnest(con.conkey) WITH ORDINALITY k(n, i) "
                + "     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i), "
                + "array(SELECT quote_ident(a.attname) FROM unnest(con.confkey) WITH ORDINALITY k(n, i) "
                + "     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) "
                + "FROM pg_constraint con JOIN pg_class cr ON cr.oid = con.conrelid JOIN pg_namespace n ON n.oid = cr.relnamespace "
                + "JOIN pg_class pr ON pr.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pr.relnamespace "
                + "WHERE con.contype = 'f' AND cr.relkind = 'r' AND " + USER_NAMESPACE + " AND "
                + notInExtension("pg_class", "cr.oid")
                + " ORDER BY con.oid";
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                keys.add(new ForeignKey(
                        rs.getString(1), List.of((String[]) rs.getArray(3).getArray()), rs.getString(2), List.of((String
                                        [])
                                rs.getArray(4).getArray())));
            }
        }
        return keys;
    }

    private static List<TableColumns> tables(Connection target, SampleMasking masking) throws SQLException {
        String sql =
                "SELECT format('%I.%I', n.nspname, r.relname), quote_ident(a.attname), format_type(a.atttypid, NULL), "
                        + "t.typtype::text, coalesce(format_type(t.typbasetype, NULL), ''), n.nspname, r.relname, a.attname, a.attnotnull "
                        + "FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace "
                        + "JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' "
                        + "JOIN pg_type t ON t.oid = a.atttypid "
                        + "WHERE r.relkind = 'r' AND " + USER_NAMESPACE + " AND " + notInExtension("pg_class", "r.oid")
                        + " ORDER BY r.oid, a.attnum";
        List<TableColumns> tables = new ArrayList<>();
        try (PreparedStatement s = target.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            TableColumns current = null;
            while (rs.next()) {
                if (current == null || !current.name().equals(rs.getString(1))) {
                    current = new TableColumns(
                            rs.getString(1),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>());
                    tables.add(current);
                }
                String column = rs.getString(2);
                String type =
                        ("d".equals(rs.getString(4)) ? rs.getString(5) : rs.getString(3)).toLowerCase(Locale.ROOT);
                current.columns().add(column);
                current.types().add(type);
                current.declared().add(rs.getString(3));
                current.masks()
                        .add(mask(
                                column,
                                type,
                                masking.decide(rs.getString(6), rs.getString(7), rs.getString(8)),
                                rs.getBoolean(9),
                                rs.getString(1)));
            }
        }
        return tables;
    }

    private static Mask mask(
            String column, String baseType, Optional<Boolean> configured, boolean notNull, String table) {
        String bare = column.replace("\"", "");
        boolean masked = configured.orElseGet(() -> PERSONAL.matcher(bare).matches() && TEXT_TYPES.contains(baseType));
        if (!masked) {
            return Mask.NONE;
        }
        if (TEXT_TYPES.contains(baseType)) {
            return bare.toLowerCase(Locale.ROOT).contains("mail") ? Mask.EMAIL : Mask.HASH;
        }
        if (notNull) {
            throw new ToolException(
                    "sandbox.masking: " + table + "." + column + " (" + baseType
                            + ") is to be masked, but only text can be "
                            + "hashed and the column is NOT NULL, so it cannot be emptied either. Keep it (sandbox.masking.keep) or take no sample.");
        }
        return Mask.NULL;
    }
}
