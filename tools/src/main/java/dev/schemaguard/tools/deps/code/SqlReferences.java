package dev.schemaguard.tools.deps.code;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which tables a piece of SQL names, and whether it reads or writes them — read from the text, tolerant of fragments. */
final class SqlReferences {

    private static final Pattern TABLE = Pattern.compile(
            "(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING)\\s+(?:ONLY\\s+)?((?:\"?[A-Za-z_][\\w$]*\"?\\.)?\"?[A-Za-z_][\\w$]*\"?)");
    /** A statement's first word, and a clause word after it: as {@code ^\s*(SELECT|…)\b.*\b(FROM|…)\b.*}, in two linear steps. */
    private static final Pattern SQL_START = Pattern.compile("(?i)\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE)\\b");

    private static final Pattern SQL_CLAUSE = Pattern.compile("(?i)\\b(FROM|INTO|SET|USING|VALUES)\\b");
    private static final Set<String> NOT_TABLES =
            Set.of("select", "lateral", "unnest", "generate_series", "values", "set");

    private SqlReferences() {}

    /** What the SQL-level reading of a text gives: its tables, read or write, and a one-line short form. */
    record Reading(Set<String> tables, String access, String shortened) {}

    /** Many call sites share one SQL text (a constant used in every method): each distinct text is read once. */
    private static final Map<String, Reading> READINGS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final int MAX_READINGS = 20_000;

    static Reading read(String sql) {
        Reading known = READINGS.get(sql);
        if (known == null) {
            if (READINGS.size() > MAX_READINGS) {
                READINGS.clear();
            }
            known = new Reading(tables(sql), access(sql), shorten(sql));
            READINGS.put(sql, known);
        }
        return known;
    }

    static boolean looksLikeSql(String text) {
        // one pattern with .* between the two words backtracked over every string constant of a code base: a tenth of
        // a warm scan
        if (text == null) {
            return false;
        }
        Matcher start = SQL_START.matcher(text);
        return start.lookingAt()
                && SQL_CLAUSE
                        .matcher(text)
                        .region(start.end(), text.length())
                        .useTransparentBounds(true)
                        .find();
    }

    static Set<String> tables(String sql) {
        Set<String> tables = new LinkedHashSet<>();
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            String name = Naming.bare(m.group(1));
            if (!NOT_TABLES.contains(name)) {
                tables.add(name);
            }
        }
        return tables;
    }

    static String access(String sql) {
        String s = sql.trim().toUpperCase(Locale.ROOT);
        boolean write = s.startsWith("INSERT")
                || s.startsWith("UPDATE")
                || s.startsWith("DELETE")
                || s.startsWith("MERGE")
                || (s.startsWith("WITH")
                        && (s.contains(" INSERT ") || s.contains(" UPDATE ") || s.contains(" DELETE ")));
        return write ? "write" : "read";
    }

    static boolean mentions(String sql, String column) {
        return Pattern.compile("(?i)(?<![\\w$])\"?" + Pattern.quote(column) + "\"?(?![\\w$])")
                .matcher(sql)
                .find();
    }

    static String shorten(String sql) {
        String one = sql.replaceAll("\\s+", " ").trim();
        return one.length() > 160 ? one.substring(0, 157) + "..." : one;
    }
}
