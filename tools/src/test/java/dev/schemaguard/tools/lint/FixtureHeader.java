package dev.schemaguard.tools.lint;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The context a rule fixture declares in its header comments: target version, transaction, and schema facts. */
record FixtureHeader(Integer targetVersion, boolean inTransaction, SchemaFacts schema) {

    private static final Pattern VERSION = Pattern.compile("(?m)^-- target-version:\\s*(\\d+)");
    private static final Pattern TABLE =
            Pattern.compile("(?m)^-- schema:\\s*([\\w.]+)\\((.*)\\)(?:\\s+(\\d+) rows)?\\s*$");

    static FixtureHeader of(String sql) {
        Matcher version = VERSION.matcher(sql);
        Map<String, TableFacts> tables = new HashMap<>();
        Matcher table = TABLE.matcher(sql);
        while (table.find()) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String column : table.group(2).split(",(?![^(]*\\))")) {
                String[] parts = column.trim().split("\\s+", 2);
                columns.put(parts[0], parts[1]);
            }
            long rows = table.group(3) == null ? 1000 : Long.parseLong(table.group(3));
            tables.put(table.group(1), new TableFacts(table.group(1), rows, rows * 100, columns));
        }
        SchemaFacts schema = tables.isEmpty()
                ? null
                : new SchemaFacts() {
                    @Override
                    public Optional<TableFacts> table(String name) {
                        String key = name.replace("\"", "").toLowerCase(Locale.ROOT);
                        return Optional.ofNullable(tables.get(key.contains(".") ? key : "public." + key));
                    }

                    @Override
                    public boolean relationExists(String name) {
                        return table(name).isPresent();
                    }

                    @Override
                    public String environment() {
                        return "fixture";
                    }

                    @Override
                    public int serverMajorVersion() {
                        return 16;
                    }
                };
        return new FixtureHeader(
                version.find() ? Integer.valueOf(version.group(1)) : null,
                sql.lines().anyMatch(l -> l.strip().equals("-- in-transaction")),
                schema);
    }
}
