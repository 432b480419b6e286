package dev.schemaguard.tools.schema.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one export collects while the readers go through the catalog: the objects, which catalog rows stand for which
 * object (so that {@code pg_depend} can be read as dependencies between objects), owners, and what could not be copied.
 */
final class ExportContext {

    /** A catalog row's meaning for the dependency graph: the object it belongs to, and whether it can be split off. */
    record Ref(String key, boolean separable) {}

    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    final Connection connection;
    final int major;
    private final Map<String, Long> catalogs = new HashMap<>();
    private final Map<Long, Ref> refs = new HashMap<>();
    /** The row each object is itself (comments and privileges are attached by it). */
    private final Map<Long, String> primary = new HashMap<>();

    private final Map<String, SchemaObject> objects = new LinkedHashMap<>();
    /** object key → [sqlName, owner role] */
    private final Map<String, String[]> owners = new LinkedHashMap<>();

    final TreeSet<String> roles = new TreeSet<>();
    final List<String> notCopied = new ArrayList<>();
    /** Per catalog table, how many user objects it holds (readers of empty kinds are skipped). */
    final Map<String, Long> census = new HashMap<>();

    ExportContext(Connection connection, int major) throws SQLException {
        this.connection = connection;
        this.major = major;
        rows(
                "SELECT c.relname, c.oid FROM pg_catalog.pg_class c WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r'",
                rs -> catalogs.put(rs.getString(1), rs.getLong(2)));
    }

    private Set<String> keywords;

    /** As {@code quote_ident} does: quoted unless it is a plain lower-case name and no keyword that needs quotes. */
    String quoteIdent(String name) throws SQLException {
        if (keywords == null) {
            Set<String> words = new HashSet<>();
            rows("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'", rs -> words.add(rs.getString(1)));
            keywords = words;
        }
        return SIMPLE.matcher(name).matches() && !keywords.contains(name)
                ? name
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static final Pattern SIMPLE = Pattern.compile("[a-z_][a-z0-9_$]*");

    long catalog(String name) {
        Long oid = catalogs.get(name);
        if (oid == null) {
            throw new IllegalStateException("no catalog " + name);
        }
        return oid;
    }

    boolean has(String catalogName) {
        return census.getOrDefault(catalogName, 1L) > 0;
    }

    void add(SchemaObject object) {
        objects.putIfAbsent(object.key(), object);
    }

    SchemaObject object(String key) {
        return objects.get(key);
    }

    void replace(SchemaObject object) {
        objects.put(object.key(), object);
    }

    List<SchemaObject> objects() {
        return new ArrayList<>(objects.values());
    }

    /** The object is (or owns) this catalog row. */
    void ref(String catalogName, long oid, String key) {
        refs.put(id(catalog(catalogName), oid), new Ref(key, false));
    }

    /** The row is the object itself: comments and privileges on it are the object's. */
    void primary(String catalogName, long oid, String key) {
        long id = id(catalog(catalogName), oid);
        refs.put(id, new Ref(key, false));
        primary.put(id, key);
    }

    /** A part the object can be created without (a column default, a domain's check), if a cycle asks for it. */
    void separable(String catalogName, long oid, String key) {
        refs.put(id(catalog(catalogName), oid), new Ref(key, true));
    }

    /** Members of an extension stand for the extension: depending on one is depending on it. */
    void refIfAbsent(long catalogOid, long oid, String key) {
        refs.putIfAbsent(id(catalogOid, oid), new Ref(key, false));
    }

    Ref refOf(long catalogOid, long oid) {
        return refs.get(id(catalogOid, oid));
    }

    String primaryOf(long catalogOid, long oid) {
        return primary.get(id(catalogOid, oid));
    }

    void owner(String key, String sqlName, String role) {
        if (role != null && sqlName != null) {
            owners.put(key, new String[] {sqlName, role});
            roles.add(role);
        }
    }

    Map<String, String[]> owners() {
        return owners;
    }

    private static long id(long catalogOid, long oid) {
        return (catalogOid << 32) | (oid & 0xffffffffL);
    }

    void rows(String sql, Row row) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    /** {@code SchemaObject.key(kind, name)} */
    static String key(ObjectKind kind, String name) {
        return SchemaObject.key(kind, name);
    }
}
