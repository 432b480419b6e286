package dev.schemaguard.tools.inspect;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.schema.DatabaseInfo;
import dev.schemaguard.tools.schema.ObjectKey;
import dev.schemaguard.tools.schema.ObjectKind;
import dev.schemaguard.tools.schema.SchemaInfo;
import dev.schemaguard.tools.schema.Table;
import dev.schemaguard.tools.schema.TableReferences;
import dev.schemaguard.tools.schema.postgres.PostgresCatalogReader;
import dev.schemaguard.tools.text.Glob;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code inspect_schema} use case: one page of an environment's schema, never larger than the token budget,
 * or one table in full with what references it.
 */
public final class InspectSchema {

    /** Kinds listed when the caller names none; indexes and triggers are shown inside their tables instead. */
    static final Set<ObjectKind> DEFAULT_KINDS = EnumSet.complementOf(EnumSet.of(ObjectKind.INDEX, ObjectKind.TRIGGER));

    private static final int FULL_BATCH = 100;
    private static final int SUMMARY_BATCH = 1_000;
    /** The text part of the answer and the envelope are not counted object by object; keep room for them. */
    private static final double PAGE_SHARE_OF_BUDGET = 0.85;

    private static final int MIN_BUDGET_TOKENS = 1_000;

    private final Environments environments;
    private final int defaultBudgetTokens;
    private final PostgresCatalogReader reader = new PostgresCatalogReader();

    public InspectSchema(Environments environments, int defaultBudgetTokens) {
        this.environments = environments;
        this.defaultBudgetTokens = defaultBudgetTokens;
    }

    public InspectResult inspect(InspectRequest request) {
        environments.get(request.environment()); // unknown environment: a clear error before any connection
        int budget = request.budgetTokens() == null ? defaultBudgetTokens : request.budgetTokens();
        if (budget < MIN_BUDGET_TOKENS) {
            throw new ToolException("budget_tokens must be at least " + MIN_BUDGET_TOKENS + ", was " + budget + ".");
        }
        try {
            return environments.readCatalog(request.environment(), c -> {
                DatabaseInfo db = reader.databaseInfo(c);
                return request.table() != null ? oneTable(c, db, request, budget) : page(c, db, request, budget);
            });
        } catch (SQLException e) {
            throw new ToolException(
                    "Reading the catalog of environment '" + request.environment() + "' failed: " + e.getMessage()
                            + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"),
                    e);
        }
    }

    private InspectResult oneTable(Connection c, DatabaseInfo db, InspectRequest request, int budget)
            throws SQLException {
        QualifiedName name = QualifiedName.parse(request.table());
        ObjectKey key = resolveTable(c, name);
        Table table = reader.tables(c, List.of(key.oid()), true).get(key.oid());
        TableReferences references = reader.references(c, key.oid());
        PageSizer sizer = new PageSizer(budget, PAGE_SHARE_OF_BUDGET);
        String note = null;
        if (!sizer.fits(table) || !sizer.fits(references)) {
            table = reader.tables(c, List.of(key.oid()), false).get(key.oid());
            note = "the full detail of " + key.schema() + "." + key.name() + " exceeds the budget of " + budget
                    + " tokens; showing its summary. Raise budget_tokens to see every column.";
        }
        Map<String, Integer> totals = new LinkedHashMap<>();
        totals.put(ObjectKind.valueOf(kindOf(table)).id(), 1);
        return new InspectResult(
                request.environment(),
                db.database(),
                db.serverVersion(),
                note == null ? "full" : "summary",
                totals,
                1,
                false,
                null,
                null,
                List.of(table),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                references,
                note);
    }

    private static String kindOf(Table table) {
        return switch (table.kind()) {
            case "view" -> "VIEW";
            case "materialized_view" -> "MATERIALIZED_VIEW";
            default -> "TABLE";
        };
    }

    private ObjectKey resolveTable(Connection c, QualifiedName name) throws SQLException {
        List<ObjectKey> exact = reader.findRelations(c, name.schema(), name.name());
        if (exact.size() == 1) {
            return exact.get(0);
        }
        if (exact.size() > 1) {
            throw new ToolException("Table name '" + name.name() + "' exists in several schemas: "
                    + String.join(
                            ", ",
                            exact.stream().map(k -> k.schema() + "." + k.name()).toList())
                    + ". Pass table as schema.name.");
        }
        // Only a miss pays for listing the catalog, to suggest what was probably meant.
        List<ObjectKey> relations = reader.listObjects(c).stream()
                .filter(k -> k.kind() == ObjectKind.TABLE
                        || k.kind() == ObjectKind.VIEW
                        || k.kind() == ObjectKind.MATERIALIZED_VIEW)
                .toList();
        List<String> suggestions = Suggestions.closest(name, relations);
        throw new ToolException("Table " + name + " not found"
                + (suggestions.isEmpty() ? "." : ". Did you mean: " + String.join(", ", suggestions) + "?")
                + " Call inspect_schema without table (detail=summary) to list the tables.");
    }

    private InspectResult page(Connection c, DatabaseInfo db, InspectRequest request, int budget) throws SQLException {
        Set<ObjectKind> kinds =
                request.kinds() == null || request.kinds().isEmpty() ? DEFAULT_KINDS : EnumSet.copyOf(request.kinds());
        List<ObjectKey> all = reader.listObjects(c);
        if (request.schema() != null && all.stream().noneMatch(k -> k.schema().equals(request.schema()))) {
            List<String> known =
                    reader.schemas(c).stream().map(SchemaInfo::name).toList();
            throw new ToolException("Schema '" + request.schema() + "' not found (or it holds no objects). Schemas: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + ".");
        }
        Glob glob = request.namePattern() == null ? null : Glob.of(request.namePattern());
        List<ObjectKey> matching = all.stream()
                .filter(k -> kinds.contains(k.kind()))
                .filter(k -> request.schema() == null || k.schema().equals(request.schema()))
                .filter(k -> glob == null || glob.matches(k.name()))
                .sorted(Cursor.ORDER)
                .toList();
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (ObjectKind kind : ObjectKind.values()) {
            if (kinds.contains(kind)) {
                totals.put(kind.id(), 0);
            }
        }
        matching.forEach(k -> totals.merge(k.kind().id(), 1, Integer::sum));

        String fingerprint = Cursor.fingerprint(request.schema(), request.namePattern(), kinds, request.detail());
        int start = request.cursor() == null
                ? 0
                : Cursor.decode(request.cursor(), fingerprint).startIndex(matching);
        List<SchemaInfo> schemas = start == 0 ? reader.schemas(c) : null;
        PageSizer sizer = new PageSizer(budget, PAGE_SHARE_OF_BUDGET);
        if (schemas != null) {
            sizer.fits(schemas);
        }
        List<ObjectKey> remaining = matching.subList(start, matching.size());

        PageBuilder page;
        String note = null;
        InspectRequest.Detail detail = request.detail();
        if (detail == null) {
            PageBuilder full = new PageBuilder(reader, c, true, sizer.copy());
            if (full.fill(remaining, FULL_BATCH) == remaining.size()) {
                page = full;
                detail = InspectRequest.Detail.FULL;
            } else {
                page = new PageBuilder(reader, c, false, sizer.copy());
                page.fill(remaining, SUMMARY_BATCH);
                detail = InspectRequest.Detail.SUMMARY;
                note = "summary mode: the full detail of " + remaining.size() + " objects exceeds the budget of "
                        + budget
                        + " tokens. Inspect one table with table=schema.name, or narrow with schema, name_pattern or kinds.";
            }
        } else {
            page = new PageBuilder(reader, c, detail == InspectRequest.Detail.FULL, sizer);
            page.fill(remaining, detail == InspectRequest.Detail.FULL ? FULL_BATCH : SUMMARY_BATCH);
        }
        if (page.count() == 0 && !remaining.isEmpty()) {
            throw new ToolException("The next object (" + remaining.get(0).schema() + "."
                    + remaining.get(0).displayName() + ") alone exceeds budget_tokens=" + budget
                    + ". Raise budget_tokens or use detail=summary.");
        }
        // The envelope and the text are only known once the page is: take objects back until the whole answer fits.
        while (true) {
            int next = start + page.count();
            boolean truncated = next < matching.size();
            String cursor = truncated
                    ? Cursor.after(matching.get(next - 1), fingerprint).encode()
                    : null;
            InspectResult result = new InspectResult(
                    request.environment(),
                    db.database(),
                    db.serverVersion(),
                    detail == InspectRequest.Detail.FULL ? "full" : "summary",
                    totals,
                    page.count(),
                    truncated,
                    cursor,
                    schemas,
                    List.copyOf(page.tables()),
                    List.copyOf(page.sequences()),
                    List.copyOf(page.types()),
                    List.copyOf(page.routines()),
                    List.copyOf(page.indexes()),
                    List.copyOf(page.triggers()),
                    null,
                    note);
            if (answerChars(result) <= (long) budget * PageSizer.CHARS_PER_TOKEN
                    || page.count() <= 1
                    || !page.removeLast()) {
                return result;
            }
        }
    }

    /** What the answer costs: the structured result plus its text. */
    static long answerChars(InspectResult result) {
        return PageSizer.JSON.writeValueAsString(result).length()
                + result.toText().length();
    }

    /** {@code schema.name}, either part optionally double-quoted. */
    record QualifiedName(String schema, String name) {

        static QualifiedName parse(String text) {
            String t = text.strip();
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                if (ch == '"') {
                    if (quoted && i + 1 < t.length() && t.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (ch == '.' && !quoted) {
                    parts.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(ch);
                }
            }
            parts.add(current.toString());
            if (quoted || parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
                throw new ToolException("table must be written schema.name (e.g. shop.orders), was '" + text + "'.");
            }
            return parts.size() == 1
                    ? new QualifiedName(null, parts.get(0))
                    : new QualifiedName(parts.get(0), parts.get(1));
        }

        @Override
        public String toString() {
            return schema == null ? name : schema + "." + name;
        }
    }
}
