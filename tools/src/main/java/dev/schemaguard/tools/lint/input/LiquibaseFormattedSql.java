package dev.schemaguard.tools.lint.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Liquibase "formatted SQL" changelog: {@code --changeset author:id} sections with {@code --rollback} lines. */
final class LiquibaseFormattedSql {

    static final String TOOL = "liquibase";

    private static final Pattern HEADER =
            Pattern.compile("--\\s*liquibase\\s+formatted\\s+sql.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile("--\\s*changeset\\s+(\\S+)(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("--\\s*rollback(?:\\s(.*))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern IGNORED = Pattern.compile(
            "--\\s*(comment:|preconditions|precondition-|validCheckSum|ignoreLines).*", Pattern.CASE_INSENSITIVE);

    private LiquibaseFormattedSql() {}

    static boolean matches(List<String> lines) {
        return HEADER.matcher(SourceText.firstNonBlankLine(lines)).matches();
    }

    static List<MigrationUnit> read(Path file, List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (CHANGESET.matcher(lines.get(i).strip()).matches()) {
                starts.add(i);
            }
        }
        List<MigrationUnit> units = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            readChangeset(file, lines, starts.get(k), end, units);
        }
        return units;
    }

    private static void readChangeset(Path file, List<String> lines, int header, int end, List<MigrationUnit> units) {
        Matcher m = CHANGESET.matcher(lines.get(header).strip());
        m.matches();
        Map<String, String> attributes = attributes(m.group(2));
        if (!LiquibaseDbms.appliesToPostgres(attributes.get("dbms"))) {
            return;
        }
        boolean inTransaction = !"false".equalsIgnoreCase(attributes.get("runintransaction"));
        List<String> body = new ArrayList<>();
        List<String> rollback = new ArrayList<>();
        int firstRollback = -1;
        int lastRollback = -1;
        for (int i = header + 1; i < end; i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            Matcher r = ROLLBACK.matcher(stripped);
            if (r.matches()) {
                body.add("");
                if (firstRollback < 0) {
                    firstRollback = i;
                }
                // lines between rollback lines stay blank so the rollback unit keeps the file's line numbers
                while (rollback.size() < i - firstRollback) {
                    rollback.add("");
                }
                rollback.add(r.group(1) == null ? "" : r.group(1));
                lastRollback = i;
            } else if (IGNORED.matcher(stripped).matches()) {
                body.add("");
            } else {
                body.add(line);
            }
        }
        String[] authorAndId = m.group(1).split(":", 2);
        units.add(new MigrationUnit(
                file.toString(),
                header + 2,
                String.join("\n", body),
                inTransaction,
                TOOL,
                MigrationUnit.UP,
                authorAndId.length == 2 ? authorAndId[1] + "::" + authorAndId[0] : null));
        String rollbackSql = String.join("\n", rollback);
        if (lastRollback >= 0 && !isNoRollback(rollbackSql)) {
            units.add(new MigrationUnit(
                    file.toString(), firstRollback + 1, rollbackSql, inTransaction, TOOL, MigrationUnit.ROLLBACK));
        }
    }

    /** {@code --rollback not required} and {@code --rollback empty} declare that there is nothing to run. */
    private static boolean isNoRollback(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() || s.equals("not required") || s.equals("empty");
    }

    /** {@code runInTransaction:false dbms:postgresql}; keys lower-cased. */
    private static Map<String, String> attributes(String rest) {
        Map<String, String> attributes = new HashMap<>();
        for (String token : rest.strip().split("\\s+")) {
            int colon = token.indexOf(':');
            if (colon > 0) {
                attributes.put(token.substring(0, colon).toLowerCase(Locale.ROOT), token.substring(colon + 1));
            }
        }
        return attributes;
    }
}
