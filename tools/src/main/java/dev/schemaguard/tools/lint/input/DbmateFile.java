package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dbmate migration: one file with {@code -- migrate:up} and optionally {@code -- migrate:down} sections. */
final class DbmateFile {

    static final String TOOL = "dbmate";

    private static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)(?:\\s+(.*))?$");

    private DbmateFile() {}

    static boolean matches(List<String> lines) {
        for (String line : lines) {
            Matcher m = MARKER.matcher(line.strip());
            if (m.matches() && m.group(1).equals("up")) {
                return true;
            }
        }
        return false;
    }

    static List<MigrationUnit> read(Path file, List<String> lines) {
        List<Integer> markers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (MARKER.matcher(lines.get(i).strip()).matches()) {
                markers.add(i);
            }
        }
        List<MigrationUnit> units = new ArrayList<>();
        boolean seenUp = false;
        for (int k = 0; k < markers.size(); k++) {
            int markerIndex = markers.get(k);
            int end = k + 1 < markers.size() ? markers.get(k + 1) : lines.size();
            Matcher m = MARKER.matcher(lines.get(markerIndex).strip());
            m.matches();
            String role = m.group(1).equals("up") ? MigrationUnit.UP : MigrationUnit.DOWN;
            if (role.equals(MigrationUnit.UP)) {
                if (seenUp) {
                    throw new InputException(file + ":" + (markerIndex + 1) + ": second '-- migrate:up' marker");
                }
                seenUp = true;
            }
            boolean inTransaction = transaction(m.group(2));
            String sql = SourceText.join(lines, markerIndex + 1, end);
            units.add(new MigrationUnit(file.toString(), markerIndex + 2, sql, inTransaction, TOOL, role));
        }
        return units;
    }

    private static boolean transaction(String options) {
        if (options == null) {
            return true;
        }
        for (String option : options.strip().split("\\s+")) {
            if (option.equalsIgnoreCase("transaction:false")) {
                return false;
            }
        }
        return true;
    }
}
