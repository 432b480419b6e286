package dev.schemaguard.tools.schema.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.USER_NAMESPACE;
import static dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter.notInExtension;

/**
 * Objects of the database rather than of one table: schemas, extensions (whose own objects are left to them), collations,
 * text search dictionaries and configurations, foreign-data wrappers and servers (user mappings hold passwords and
 * are never copied), event triggers and publications.
 */
final class DatabaseObjectsReader {

    private final ExportContext x;

    DatabaseObjectsReader(ExportContext x) {
        this.x = x;
    }

    void read() throws SQLException {
        schemas();
        extensions();
        if (x.has("pg_collation")) {
            collations();
        }
        if (x.has("pg_ts_dict")) {
            textSearchDictionaries();
        }
        if (x.has("pg_ts_config")) {
            textSearchConfigurations();
        }
        if (x.has("pg_foreign_data_wrapper")) {
            foreignDataWrappers();
        }
        if (x.has("pg_event_trigger")) {
            eventTriggers();
        }
        if (x.has("pg_publication")) {
            publications();
        }
    }

    private void schemas() throws SQLException {
        x.rows(
                "SELECT n.oid, quote_ident(n.nspname), pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE "
                        + USER_NAMESPACE + " AND n.nspname <> 'public' AND " + notInExtension("pg_namespace", "n.oid")
                        + " ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.SCHEMA,
                            name,
                            null,
                            "SCHEMA " + name,
                            List.of("CREATE SCHEMA IF NOT EXISTS " + name));
                    x.add(o);
                    x.primary("pg_namespace", rs.getLong(1), o.key());
                    x.owner(o.key(), o.sqlName(), rs.getString(3));
                });
    }

    private void extensions() throws SQLException {
        if (!x.has("pg_extension")) {
            return;
        }
        Map<Long, String> keys = new HashMap<>();
        x.rows(
                "SELECT e.oid, quote_ident(e.extname), quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                        + "WHERE e.extname <> 'plpgsql' ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.EXTENSION,
                            name,
                            null,
                            "EXTENSION " + name,
                            List.of("CREATE EXTENSION IF NOT EXISTS " + name + " WITH SCHEMA " + rs.getString(3)));
                    x.add(o);
                    x.primary("pg_extension", rs.getLong(1), o.key());
                    keys.put(rs.getLong(1), o.key());
                });
        if (keys.isEmpty()) {
            return;
        }
        x.rows(
                "SELECT d.classid, d.objid, d.refobjid FROM pg_depend d WHERE d.deptype = 'e' AND d.refclassid = 'pg_extension'::regclass",
                rs -> {
                    String key = keys.get(rs.getLong(3));
                    if (key != null) {
                        x.refIfAbsent(rs.getLong(1), rs.getLong(2), key);
                    }
                });
        // a member's array type or row type stands for the extension too
        x.rows(
                "SELECT t.oid, d.refobjid FROM pg_type t JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.typelem "
                        + "AND d.deptype = 'e' WHERE t.typelem <> 0 AND t.oid >= 16384",
                rs -> {
                    String key = keys.get(rs.getLong(2));
                    if (key != null) {
                        x.refIfAbsent(x.catalog("pg_type"), rs.getLong(1), key);
                    }
                });
    }

    private void collations() throws SQLException {
        x.rows(
                "SELECT co.oid, co.oid::regcollation::text, pg_get_userbyid(co.collowner), co.collprovider::text, co.collisdeterministic, "
                        + "co.collcollate, co.collctype, coalesce(j->>'colllocale', j->>'colliculocale'), j->>'collicurules' "
                        + "FROM pg_collation co CROSS JOIN LATERAL to_jsonb(co) j JOIN pg_namespace n ON n.oid = co.collnamespace "
                        + "WHERE co.oid >= 16384 AND " + USER_NAMESPACE + " AND "
                        + notInExtension("pg_collation", "co.oid") + " ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    String provider = rs.getString(4);
                    StringBuilder options = new StringBuilder();
                    switch (provider) {
                        case "i" -> options.append("provider = icu, locale = ").append(literal(rs.getString(8)));
                        case "b" ->
                            options.append("provider = builtin, locale = ").append(literal(rs.getString(8)));
                        default ->
                            options.append("provider = libc, lc_collate = ")
                                    .append(literal(rs.getString(6)))
                                    .append(", lc_ctype = ")
                                    .append(literal(rs.getString(7)));
                    }
                    if (!rs.getBoolean(5)) {
                        options.append(", deterministic = false");
                    }
                    if (rs.getString(9) != null) {
                        options.append(", rules = ").append(literal(rs.getString(9)));
                    }
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.COLLATION,
                            name,
                            null,
                            "COLLATION " + name,
                            List.of("CREATE COLLATION " + name + " (" + options + ")"));
                    x.add(o);
                    x.primary("pg_collation", rs.getLong(1), o.key());
                    x.owner(o.key(), o.sqlName(), rs.getString(3));
                });
    }

    private void textSearchDictionaries() throws SQLException {
        x.rows(
                "SELECT d.oid, format('%I.%I', n.nspname, d.dictname), pg_get_userbyid(d.dictowner), format('%I.%I', tn.nspname, t.tmplname), "
                        + "d.dictinitoption FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace JOIN pg_ts_template t ON t.oid = d.dicttemplate "
                        + "JOIN pg_namespace tn ON tn.oid = t.tmplnamespace WHERE d.oid >= 16384 AND " + USER_NAMESPACE
                        + " AND "
                        + notInExtension("pg_ts_dict", "d.oid") + " ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    String init = rs.getString(5);
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.TEXT_SEARCH_DICTIONARY,
                            name,
                            null,
                            "TEXT SEARCH DICTIONARY " + name,
                            List.of("CREATE TEXT SEARCH DICTIONARY " + name + " (TEMPLATE = " + rs.getString(4)
                                    + (init == null || init.isBlank() ? "" : ", " + init) + ")"));
                    x.add(o);
                    x.primary("pg_ts_dict", rs.getLong(1), o.key());
                    x.owner(o.key(), o.sqlName(), rs.getString(3));
                });
    }

    private void textSearchConfigurations() throws SQLException {
        Map<Long, String[]> configs = new LinkedHashMap<>();
        x.rows(
                "SELECT c.oid, format('%I.%I', n.nspname, c.cfgname), pg_get_userbyid(c.cfgowner), format('%I.%I', pn.nspname, p.prsname) "
                        + "FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace JOIN pg_ts_parser p ON p.oid = c.cfgparser "
                        + "JOIN pg_namespace pn ON pn.oid = p.prsnamespace WHERE c.oid >= 16384 AND " + USER_NAMESPACE
                        + " AND "
                        + notInExtension("pg_ts_config", "c.oid") + " ORDER BY 2",
                rs -> configs.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}));
        if (configs.isEmpty()) {
            return;
        }
        // token type → its dictionaries in order, grouped by the same list of dictionaries
        Map<Long, Map<String, List<String>>> mappings = new HashMap<>();
        x.rows(
                "SELECT m.mapcfg, t.alias, string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno) FROM pg_ts_config_map m "
                        + "JOIN pg_ts_config c ON c.oid = m.mapcfg CROSS JOIN LATERAL ts_token_type(c.cfgparser) t WHERE t.tokid = m.maptokentype "
                        + "AND c.oid >= 16384 GROUP BY m.mapcfg, t.alias ORDER BY m.mapcfg, t.alias",
                rs -> mappings.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                        .computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                        .add(rs.getString(2)));
        for (Map.Entry<Long, String[]> c : configs.entrySet()) {
            String name = c.getValue()[0];
            List<String> statements = new ArrayList<>();
            statements.add("CREATE TEXT SEARCH CONFIGURATION " + name + " (PARSER = " + c.getValue()[2] + ")");
            mappings.getOrDefault(c.getKey(), Map.of())
                    .forEach((dictionaries, tokens) -> statements.add("ALTER TEXT SEARCH CONFIGURATION " + name
                            + " ADD MAPPING FOR " + String.join(", ", tokens) + " WITH " + dictionaries));
            SchemaObject o = SchemaObject.of(
                    ObjectKind.TEXT_SEARCH_CONFIGURATION, name, null, "TEXT SEARCH CONFIGURATION " + name, statements);
            x.add(o);
            x.primary("pg_ts_config", c.getKey(), o.key());
            x.owner(o.key(), o.sqlName(), c.getValue()[1]);
        }
    }

    private void foreignDataWrappers() throws SQLException {
        x.rows(
                "SELECT w.oid, quote_ident(w.fdwname), pg_get_userbyid(w.fdwowner), nullif(w.fdwhandler, 0)::regproc::text, "
                        + "nullif(w.fdwvalidator, 0)::regproc::text, " + options("w.fdwoptions")
                        + " FROM pg_foreign_data_wrapper w WHERE "
                        + notInExtension("pg_foreign_data_wrapper", "w.oid") + " ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.FOREIGN_DATA_WRAPPER,
                            name,
                            null,
                            "FOREIGN DATA WRAPPER " + name,
                            List.of("CREATE FOREIGN DATA WRAPPER " + name
                                    + (rs.getString(4) == null ? "" : " HANDLER " + rs.getString(4))
                                    + (rs.getString(5) == null ? "" : " VALIDATOR " + rs.getString(5))
                                    + optionsClause(rs.getString(6))));
                    x.add(o);
                    x.primary("pg_foreign_data_wrapper", rs.getLong(1), o.key());
                    // its owner must be a superuser: which one is the server's business, not the schema's
                });
        if (!x.has("pg_foreign_server")) {
            return;
        }
        x.rows(
                "SELECT s.oid, quote_ident(s.srvname), pg_get_userbyid(s.srvowner), s.srvtype, s.srvversion, quote_ident(w.fdwname), "
                        + options("s.srvoptions")
                        + " FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw WHERE "
                        + notInExtension("pg_foreign_server", "s.oid") + " ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    SchemaObject o = SchemaObject.of(
                            ObjectKind.SERVER,
                            name,
                            null,
                            "SERVER " + name,
                            List.of("CREATE SERVER " + name
                                    + (rs.getString(4) == null ? "" : " TYPE " + literal(rs.getString(4)))
                                    + (rs.getString(5) == null ? "" : " VERSION " + literal(rs.getString(5)))
                                    + " FOREIGN DATA WRAPPER " + rs.getString(6) + optionsClause(rs.getString(7))));
                    x.add(o);
                    x.primary("pg_foreign_server", rs.getLong(1), o.key());
                    x.owner(o.key(), o.sqlName(), rs.getString(3));
                });
    }

    private void eventTriggers() throws SQLException {
        x.rows(
                "SELECT e.oid, quote_ident(e.evtname), pg_get_userbyid(e.evtowner), e.evtevent, e.evtfoid::regproc::text, e.evtenabled::text, "
                        + "array_to_string(ARRAY(SELECT quote_literal(t) FROM unnest(e.evttags) t), ', ') FROM pg_event_trigger e WHERE "
                        + notInExtension("pg_event_trigger", "e.oid") + " ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    List<String> statements = new ArrayList<>();
                    String tags = rs.getString(7);
                    statements.add("CREATE EVENT TRIGGER " + name + " ON " + rs.getString(4)
                            + (tags == null || tags.isEmpty() ? "" : " WHEN TAG IN (" + tags + ")")
                            + " EXECUTE FUNCTION " + rs.getString(5) + "()");
                    String enabled = switch (rs.getString(6)) {
                        case "D" -> " DISABLE";
                        case "R" -> " ENABLE REPLICA";
                        case "A" -> " ENABLE ALWAYS";
                        default -> null;
                    };
                    if (enabled != null) {
                        statements.add("ALTER EVENT TRIGGER " + name + enabled);
                    }
                    SchemaObject o =
                            SchemaObject.of(ObjectKind.EVENT_TRIGGER, name, null, "EVENT TRIGGER " + name, statements);
                    x.add(o);
                    x.primary("pg_event_trigger", rs.getLong(1), o.key());
                    // its owner must be a superuser: which one is the server's business, not the schema's
                });
    }

    private void publications() throws SQLException {
        Map<Long, List<String>> tables = new HashMap<>();
        Map<Long, List<String>> tableKeys = new HashMap<>();
        String filters = x.major >= 15
                ? "CASE WHEN pr.prattrs IS NOT NULL THEN ' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) "
                        + "FROM pg_attribute a WHERE a.attrelid = pr.prrelid AND a.attnum = ANY(pr.prattrs)) || ')' ELSE '' END "
                        + "|| CASE WHEN pr.prqual IS NOT NULL THEN ' WHERE (' || pg_get_expr(pr.prqual, pr.prrelid) || ')' ELSE '' END"
                : "''";
        x.rows(
                "SELECT pr.prpubid, pr.prrelid::regclass::text, " + filters + " FROM pg_publication_rel pr ORDER BY 2",
                rs -> {
                    tables.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2) + rs.getString(3));
                    tableKeys
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(ExportContext.key(ObjectKind.TABLE, rs.getString(2)));
                });
        Map<Long, List<String>> schemas = new HashMap<>();
        if (x.major >= 15) {
            x.rows(
                    "SELECT pn.pnpubid, quote_ident(n.nspname) FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid ORDER BY 2",
                    rs -> schemas.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2)));
        }
        x.rows(
                "SELECT p.oid, quote_ident(p.pubname), pg_get_userbyid(p.pubowner), p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, "
                        + "p.pubtruncate, p.pubviaroot, to_jsonb(p)->>'pubgencols' FROM pg_publication p ORDER BY 2",
                rs -> {
                    String name = rs.getString(2);
                    List<String> actions = new ArrayList<>();
                    String[] words = {"insert", "update", "delete", "truncate"};
                    for (int i = 0; i < words.length; i++) {
                        if (rs.getBoolean(5 + i)) {
                            actions.add(words[i]);
                        }
                    }
                    String with = " WITH (publish = '" + String.join(", ", actions) + "', publish_via_partition_root = "
                            + rs.getBoolean(9)
                            + ("s".equals(rs.getString(10)) ? ", publish_generated_columns = stored" : "") + ")";
                    List<String> statements = new ArrayList<>();
                    statements.add("CREATE PUBLICATION " + name + (rs.getBoolean(4) ? " FOR ALL TABLES" : "") + with);
                    for (String table : tables.getOrDefault(rs.getLong(1), List.of())) {
                        statements.add("ALTER PUBLICATION " + name + " ADD TABLE ONLY " + table);
                    }
                    for (String schema : schemas.getOrDefault(rs.getLong(1), List.of())) {
                        statements.add("ALTER PUBLICATION " + name + " ADD TABLES IN SCHEMA " + schema);
                    }
                    SchemaObject o = new SchemaObject(
                            ObjectKind.PUBLICATION,
                            name,
                            null,
                            "PUBLICATION " + name,
                            statements,
                            Set.copyOf(tableKeys.getOrDefault(rs.getLong(1), List.of())),
                            Set.of(),
                            List.of(),
                            null);
                    x.add(o);
                    x.primary("pg_publication", rs.getLong(1), o.key());
                    if (!rs.getBoolean(4)) { // FOR ALL TABLES: only a superuser may own it
                        x.owner(o.key(), o.sqlName(), rs.getString(3));
                    }
                });
    }

    /** {@code name 'value', …} of an options array, or null. */
    static String options(String column) {
        return "(SELECT string_agg(quote_ident(o.option_name) || ' ' || quote_literal(o.option_value), ', ') FROM pg_options_to_table("
                + column + ") o)";
    }

    static String optionsClause(String options) {
        return options == null || options.isEmpty() ? "" : " OPTIONS (" + options + ")";
    }

    static String literal(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }
}
