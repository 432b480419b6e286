package dev.schemaguard.tools.lint.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase formatted SQL: {@code --liquibase formatted sql}, then {@code --changeset author:id [runInTransaction:false]}
 * sections. {@code --rollback} lines are the changeset's rollback, linted as a unit of their own.
 */
final class LiquibaseFormattedSql {

    private static final Pattern HEADER = Pattern.compile("(?i)^--\\s*liquibase\\s+formatted\\s+sql\\b.*");
    private static final Pattern CHANGESET = Pattern.compile("(?i)^--\\s*changeset\\s+(\\S+)(.*)$");
    private static final Pattern ROLLBACK = Pattern.compile("(?i)^--\\s*rollback\\s?(.*)$");
    private static final Pattern IGNORED = Pattern.compile("(?i)^--\\s*(comment:|precondition|preconditions).*");

    private LiquibaseFormattedSql() {
    }

    static boolean matches(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().map(l -> HEADER.matcher(l.strip()).matches()).orElse(false);
    }

    static List<MigrationUnit> read(String file, String text) {
        List<MigrationUnit> units = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder up = null;
        StringBuilder rollback = new StringBuilder();
        int upStart = 0;
        int rollbackStart = 0;
        boolean inTransaction = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher changeset = CHANGESET.matcher(line);
            Matcher rollbackLine = ROLLBACK.matcher(line);
            if (changeset.matches()) {
                flush(units, file, up, upStart, rollback, rollbackStart, inTransaction);
                up = new StringBuilder();
                rollback.setLength(0);
                upStart = i + 2;
                inTransaction = !changeset.group(2).replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("runintransaction:false");
            } else if (up == null) {
                continue;
            } else if (rollbackLine.matches()) {
                if (rollback.isEmpty()) {
                    rollbackStart = i + 1;
                }
                rollback.append(rollbackLine.group(1)).append('\n');
                up.append('\n'); // keeps the lines of the statements that follow
            } else if (IGNORED.matcher(line).matches()) {
                up.append('\n');
            } else {
                up.append(lines[i]).append('\n');
            }
        }
        flush(units, file, up, upStart, rollback, rollbackStart, inTransaction);
        return units;
    }

    private static void flush(List<MigrationUnit> units, String file, StringBuilder up, int upStart, StringBuilder rollback,
                              int rollbackStart, boolean inTransaction) {
        if (up == null) {
            return;
        }
        units.add(new MigrationUnit(file, upStart, up.toString(), inTransaction, "liquibase", "up"));
        if (!rollback.isEmpty()) {
            units.add(new MigrationUnit(file, rollbackStart, rollback.toString(), inTransaction, "liquibase", "rollback"));
        }
    }
}
