package dev.schemaguard.tools.deps.code;

import dev.schemaguard.tools.deps.code.FileSummary.Field;
import dev.schemaguard.tools.deps.code.FileSummary.Found;
import dev.schemaguard.tools.deps.code.FileSummary.JpaType;
import dev.schemaguard.tools.deps.code.FileSummary.QueryMethod;
import dev.schemaguard.tools.deps.code.FileSummary.Repository;
import dev.schemaguard.tools.deps.code.FileSummary.SqlCall;
import dev.schemaguard.tools.deps.code.FileSummary.StringExpression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What all files say together: the JPA entity model (tables, columns, inheritance, embedded types, secondary, join and
 * collection tables) and the string constants, from which each file's sites are resolved.
 */
final class CodeModel {

    private static final Pattern JPQL_FROM =
            Pattern.compile("(?i)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(\\w+))?");
    private static final int MAX_NESTING = 8;
    private static final String DISCRIMINATOR = "(discriminator)";

    /** A column an entity maps, and where the site is: the field's line, or the entity's for inherited fields. */
    record MappedColumn(String path, String table, String column, int line) {}

    /** An entity's field that maps a column of its own table, with how its values are read (for enum decoding). */
    record MappedField(String file, String entity, Field field, String table) {}

    /** An entity resolved: its table and every column it maps, by attribute path ({@code address.city}). */
    record Entity(String name, String table, Map<String, MappedColumn> columns, List<Found> otherTables, int line) {}

    private final Map<String, JpaType> types = new HashMap<>();
    private final Map<String, String> fileOfType = new HashMap<>();
    private final Map<String, StringExpression> constants = new HashMap<>();
    private final Map<String, Entity> entities = new HashMap<>();
    private final Set<String> extendedByEntities = new HashSet<>();
    /** Every mapper's {@code <sql>} fragments, by namespace.id. */
    private final Map<String, String> fragments = new HashMap<>();

    CodeModel(Map<String, FileSummary> summaries) {
        summaries.forEach((file, summary) -> {
            summary.types().forEach(t -> {
                types.put(t.name(), t);
                fileOfType.put(t.name(), file);
            });
            constants.putAll(summary.constants());
            if (summary.mapper() != null) {
                summary.mapper()
                        .fragments()
                        .forEach((id, text) -> fragments.put(summary.mapper().namespace() + "." + id, text));
            }
        });
        types.values().stream()
                .filter(t -> t.kind().equals("Entity"))
                .forEach(t -> extendedByEntities.addAll(t.parents()));
        for (JpaType t : types.values()) {
            if (t.kind().equals("Entity")) {
                entities.put(t.name(), resolve(t));
            }
        }
    }

    /** The sites of one file. */
    List<Found> sites(String file, FileSummary summary) {
        List<Found> found = new ArrayList<>(summary.found());
        for (JpaType t : summary.types()) {
            Entity e = entities.get(t.name());
            if (e == null || !file.equals(fileOfType.get(t.name()))) {
                continue;
            }
            found.add(new Found(
                    e.line(), "entity-mapping", "read/write", "high", e.table(), null, "@Entity " + e.name(), null));
            e.columns().values().stream()
                    .filter(c -> c.line() > 0)
                    .forEach(c -> found.add(new Found(
                            c.line(),
                            "entity-mapping",
                            "read/write",
                            "high",
                            c.table(),
                            c.column(),
                            c.path().equals(DISCRIMINATOR)
                                    ? "@DiscriminatorColumn " + c.column()
                                    : e.name() + "." + c.path(),
                            null)));
            found.addAll(e.otherTables());
        }
        for (Repository r : summary.repositories()) {
            Entity entity = entities.get(r.entity());
            if (entity == null) {
                continue;
            }
            for (QueryMethod m : r.methods()) {
                found.addAll(m.query() == null ? derived(m, entity) : jpql(m.line(), m.query()));
            }
        }
        for (SqlCall call : summary.sqlCalls()) {
            found.addAll(jdbcSql(call.line(), resolve(call.sql(), new HashSet<>())));
        }
        if (summary.mapper() != null) {
            for (FileSummary.MapperStatement m : summary.mapper().statements()) {
                found.addAll(sql(
                        m.line(),
                        "mybatis-sql",
                        TextFileSummarizer.mybatisText(
                                included(m.body(), summary.mapper().namespace(), 0)),
                        "medium"));
            }
        }
        return found;
    }

    private static final Pattern INCLUDE =
            Pattern.compile("(?is)<include\\s[^>]*\\brefid\\s*=\\s*\"([^\"]+)\"[^>]*?(?:/>|>.*?</include>)");

    /** A mapper statement with each {@code <include refid>} replaced by its fragment (this mapper's, or namespace.id). */
    private String included(String body, String namespace, int depth) {
        Matcher m = INCLUDE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String refid = m.group(1);
            String fragment = fragments.get(namespace + "." + refid);
            String fragmentNamespace = namespace;
            if (fragment == null && refid.contains(".")) {
                fragment = fragments.get(refid);
                fragmentNamespace = refid.substring(0, refid.lastIndexOf('.'));
            }
            String replacement =
                    fragment == null || depth >= MAX_NESTING ? " " : included(fragment, fragmentNamespace, depth + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Sites of SQL handed to JDBC, JdbcTemplate or jOOQ, when the text is known and reads as SQL. */
    static List<Found> jdbcSql(int line, Optional<String> text) {
        return text.filter(SqlReferences::looksLikeSql)
                .map(t -> sql(line, "jdbc-sql", t, "medium"))
                .orElse(List.of());
    }

    static List<Found> sql(int line, String kind, String text, String confidence) {
        SqlReferences.Reading reading = SqlReferences.read(text);
        List<Found> found = new ArrayList<>();
        for (String table : reading.tables()) {
            found.add(new Found(
                    line,
                    kind,
                    reading.access(),
                    confidence,
                    table,
                    null,
                    null,
                    text)); // evidence: the text, shortened
        }
        return found;
    }

    /** The basic fields of every entity, on the entity's table (inherited and embedded fields are not followed here). */
    List<MappedField> entityFields() {
        List<MappedField> fields = new ArrayList<>();
        for (JpaType t : types.values()) {
            Entity e = entities.get(t.name());
            if (e == null) {
                continue;
            }
            for (Field f : t.fields()) {
                if (f.column() != null && !f.embedded() && f.joinTable() == null) {
                    fields.add(new MappedField(
                            fileOfType.get(t.name()),
                            t.name(),
                            f,
                            f.table() != null ? Naming.bare(f.table()) : e.table()));
                }
            }
        }
        fields.sort(java.util.Comparator.comparing(MappedField::file)
                .thenComparingInt(m -> m.field().line()));
        return fields;
    }

    // --- the entity model ---

    private Entity resolve(JpaType t) {
        JpaType root = t;
        for (JpaType p = parentEntity(t); p != null && !p.name().equals(t.name()); p = parentEntity(p)) {
            root = p;
        }
        String strategy = root.inheritance() == null ? "SINGLE_TABLE" : root.inheritance();
        String table = root != t && strategy.equals("SINGLE_TABLE") ? tableOf(root) : tableOf(t);
        Map<String, MappedColumn> columns = new LinkedHashMap<>();
        List<Found> otherTables = new ArrayList<>();
        addFields(t, table, t, true, columns, otherTables, 0);
        // Inherited from entities: in the parent's table (single table, joined) or copied into this one (table per
        // class).
        for (JpaType p = parentEntity(t); p != null && p != t; p = parentEntity(p)) {
            boolean copied = strategy.equals("TABLE_PER_CLASS");
            Map<String, MappedColumn> inherited = new LinkedHashMap<>();
            addFields(p, copied ? table : tableOf(p), p, false, inherited, new ArrayList<>(), 0);
            inherited.forEach((path, c) ->
                    columns.putIfAbsent(path, copied ? new MappedColumn(path, table, c.column(), t.line()) : c));
        }
        if (root == t && t.discriminator() != null || root == t && hasSubclass(t) && strategy.equals("SINGLE_TABLE")) {
            String discriminator = t.discriminator() == null ? "dtype" : Naming.bare(t.discriminator());
            columns.putIfAbsent(DISCRIMINATOR, new MappedColumn(DISCRIMINATOR, table, discriminator, t.line()));
        }
        for (String secondary : t.secondaryTables()) {
            otherTables.add(new Found(
                    t.line(),
                    "entity-mapping",
                    "read/write",
                    "high",
                    Naming.bare(secondary),
                    null,
                    "@SecondaryTable " + secondary,
                    null));
        }
        return new Entity(t.name(), table, columns, otherTables, t.line());
    }

    /** A type's own fields and those of the mapped superclasses above it; {@code sites}: whether they are this file's. */
    private void addFields(
            JpaType type,
            String table,
            JpaType owner,
            boolean sites,
            Map<String, MappedColumn> columns,
            List<Found> otherTables,
            int depth) {
        for (String parent : type.parents()) {
            JpaType p = types.get(parent);
            if (p != null && p.kind().equals("MappedSuperclass") && depth < MAX_NESTING) {
                Map<String, MappedColumn> inherited = new LinkedHashMap<>();
                addFields(p, table, owner, sites, inherited, otherTables, depth + 1);
                inherited.forEach((path, c) ->
                        columns.put(path, new MappedColumn(path, c.table(), c.column(), sites ? owner.line() : -1)));
            }
        }
        for (Field f : type.fields()) {
            int line = sites ? f.line() : -1;
            JpaType embeddable = types.get(f.type());
            if (f.joinTable() != null) {
                collection(owner, table, f, embeddable, line, otherTables);
            } else if (embeddable != null
                    && embeddable.kind().equals("Embeddable")
                    && (f.embedded() || f.column() != null)) {
                if (depth < MAX_NESTING) {
                    Map<String, MappedColumn> nested = new LinkedHashMap<>();
                    addFields(embeddable, table, owner, sites, nested, otherTables, depth + 1);
                    nested.forEach((path, c) -> columns.put(
                            f.name() + "." + path,
                            new MappedColumn(
                                    f.name() + "." + path,
                                    c.table(),
                                    Naming.bare(f.overrides().getOrDefault(path, c.column())),
                                    line)));
                }
            } else if (f.column() != null) {
                String columnTable = f.table() == null ? table : Naming.bare(f.table());
                columns.put(f.name(), new MappedColumn(f.name(), columnTable, f.column(), line));
            }
        }
    }

    /** A collection in a table of its own: the table, and the columns the mapping names. */
    private void collection(
            JpaType owner, String ownerTable, Field f, JpaType element, int line, List<Found> otherTables) {
        if (line < 0) {
            return;
        }
        String table;
        if (f.joinTable().name() != null) {
            table = Naming.bare(f.joinTable().name());
        } else if (f.joinTable().kind().equals("collection")) {
            table = Naming.snake(entityName(owner)) + "_" + Naming.snake(f.name());
        } else {
            JpaType target = types.get(f.type());
            table = ownerTable + "_" + (target == null ? Naming.snake(f.type()) : tableOf(target));
        }
        String evidence = owner.name() + "." + f.name();
        otherTables.add(new Found(line, "entity-mapping", "read/write", "high", table, null, evidence, null));
        List<String> columns = new ArrayList<>(f.joinTable().columns());
        if (f.joinTable().kind().equals("collection")
                && element != null
                && element.kind().equals("Embeddable")
                && !columns.isEmpty()) {
            columns.remove(
                    columns.size() - 1); // an embeddable element maps its own columns, not one named after the field
            Map<String, MappedColumn> nested = new LinkedHashMap<>();
            addFields(element, table, owner, true, nested, new ArrayList<>(), 1);
            nested.values().forEach(c -> columns.add(c.column()));
        }
        for (String column : new LinkedHashSet<>(columns)) {
            otherTables.add(new Found(line, "entity-mapping", "read/write", "high", table, column, evidence, null));
        }
    }

    private JpaType parentEntity(JpaType t) {
        for (String parent : t.parents()) {
            JpaType p = types.get(parent);
            if (p != null && p.kind().equals("Entity")) {
                return p;
            }
        }
        return null;
    }

    private boolean hasSubclass(JpaType t) {
        return extendedByEntities.contains(t.name());
    }

    private String tableOf(JpaType t) {
        return t.table() != null ? Naming.bare(t.table()) : Naming.snake(entityName(t));
    }

    private static String entityName(JpaType t) {
        return t.entityName() != null ? t.entityName() : t.name();
    }

    // --- queries ---

    private List<Found> jpql(int line, String jpql) {
        List<Found> found = new ArrayList<>();
        Matcher from = JPQL_FROM.matcher(jpql);
        while (from.find()) {
            Entity e = entities.get(from.group(1));
            if (e == null) {
                continue;
            }
            String alias = from.group(2) == null ? e.name() : from.group(2);
            Set<MappedColumn> columns = new LinkedHashSet<>();
            Matcher property = Pattern.compile("\\b" + Pattern.quote(alias) + "\\.(\\w+(?:\\.\\w+)*)")
                    .matcher(jpql);
            while (property.find()) {
                column(e, property.group(1)).ifPresent(columns::add);
            }
            String access = SqlReferences.access(jpql);
            found.add(
                    new Found(line, "jpql-query", access, "high", e.table(), null, SqlReferences.shorten(jpql), null));
            columns.forEach(c -> found.add(new Found(
                    line, "jpql-query", access, "high", c.table(), c.column(), SqlReferences.shorten(jpql), null)));
        }
        return found;
    }

    /** {@code address.city.name}: the longest prefix that is a mapped attribute. */
    private static Optional<MappedColumn> column(Entity e, String path) {
        for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
            MappedColumn c = e.columns().get(p);
            if (c != null) {
                return Optional.of(c);
            }
            if (!p.contains(".")) {
                return Optional.empty();
            }
        }
    }

    private static List<Found> derived(QueryMethod m, Entity e) {
        if (m.access() == null) {
            return List.of(); // a default or custom method, not a derived query
        }
        List<Found> found = new ArrayList<>();
        found.add(new Found(m.line(), "derived-query", m.access(), "high", e.table(), null, m.name(), null));
        for (String property : m.properties()) {
            MappedColumn column = e.columns().get(property);
            if (column != null) {
                found.add(new Found(
                        m.line(),
                        "derived-query",
                        m.access(),
                        "high",
                        column.table(),
                        column.column(),
                        m.name(),
                        null));
            }
        }
        return found;
    }

    /** The text of a string expression with constants resolved across files (a constant may name other constants). */
    private Optional<String> resolve(StringExpression e, Set<String> resolving) {
        return text(e, name -> {
            if (!constants.containsKey(name) || !resolving.add(name)) {
                return Optional.empty();
            }
            Optional<String> value = resolve(constants.get(name), resolving);
            resolving.remove(name);
            return value;
        });
    }

    /** The text of a string expression; unknown parts become " ? "; empty when no part is known. */
    static Optional<String> text(StringExpression e, Function<String, Optional<String>> constant) {
        StringBuilder text = new StringBuilder();
        boolean known = false;
        for (StringExpression.Part part : e.parts()) {
            Optional<String> value = part.literal() != null
                    ? Optional.of(part.literal())
                    : part.constant() != null ? constant.apply(part.constant()) : Optional.empty();
            known |= value.isPresent();
            text.append(value.orElse(" ? "));
        }
        return known ? Optional.of(text.toString()) : Optional.empty();
    }
}
