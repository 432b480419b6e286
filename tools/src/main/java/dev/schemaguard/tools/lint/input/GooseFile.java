package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A goose migration: one file with {@code -- +goose Up} and optionally {@code -- +goose Down} sections; {@code
 * -- +goose NO TRANSACTION} runs it outside a transaction; {@code StatementBegin}/{@code StatementEnd} only group
 * statements for goose's own splitter (ours reads dollar quotes and bodies as PostgreSQL does).
 */
final class GooseFile {

    static final String TOOL = "goose";

    private GooseFile() {}

    static boolean matches(List<String> lines) {
        return lines.stream().anyMatch(l -> isMarker(l, "Up"));
    }

    private static boolean isMarker(String line, String word) {
        String s = line.strip();
        return s.startsWith("-- +goose")
                && s.substring("-- +goose".length()).strip().equalsIgnoreCase(word);
    }

    static List<MigrationUnit> read(Path file, List<String> lines) {
        boolean inTransaction = lines.stream().noneMatch(l -> isMarker(l, "NO TRANSACTION"));
        int up = -1;
        int down = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isMarker(lines.get(i), "Up")) {
                if (up >= 0) {
                    throw new InputException(file + ":" + (i + 1) + ": second '-- +goose Up' marker");
                }
                up = i;
            } else if (isMarker(lines.get(i), "Down")) {
                down = i;
            }
        }
        List<MigrationUnit> units = new ArrayList<>();
        int upEnd = down > up ? down : lines.size();
        units.add(new MigrationUnit(
                file.toString(), up + 2, SourceText.join(lines, up + 1, upEnd), inTransaction, TOOL, MigrationUnit.UP));
        if (down >= 0) {
            int downEnd = down > up ? lines.size() : up;
            units.add(new MigrationUnit(
                    file.toString(),
                    down + 2,
                    SourceText.join(lines, down + 1, downEnd),
                    inTransaction,
                    TOOL,
                    MigrationUnit.DOWN));
        }
        return units;
    }
}
