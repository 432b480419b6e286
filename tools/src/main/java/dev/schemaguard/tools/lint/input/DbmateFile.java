package dev.schemaguard.tools.lint.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dbmate migration: one file, {@code -- migrate:up} and {@code -- migrate:down} sections, each in a transaction unless {@code transaction:false}. */
final class DbmateFile {

    private static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)\\b(.*)$");

    private DbmateFile() {
    }

    static boolean matches(String text) {
        return Pattern.compile("(?m)^--\\s*migrate:up\\b").matcher(text).find();
    }

    static List<MigrationUnit> read(String file, String text) {
        List<MigrationUnit> units = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String role = null;
        boolean inTransaction = true;
        int start = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i].strip());
            if (m.matches()) {
                if (role != null) {
                    units.add(new MigrationUnit(file, start, body.toString(), inTransaction, "dbmate", role));
                }
                role = m.group(1);
                inTransaction = !m.group(2).replace(" ", "").contains("transaction:false");
                start = i + 2;
                body.setLength(0);
            } else if (role != null) {
                body.append(lines[i]).append('\n');
            }
        }
        if (role != null) {
            units.add(new MigrationUnit(file, start, body.toString(), inTransaction, "dbmate", role));
        }
        return units;
    }
}
