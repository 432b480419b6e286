package dev.schemaguard.sandbox;

import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;

import java.util.List;

/**
 * What one sandbox run takes at most: a migration beyond it is refused at once with the numbers, instead of holding a
 * sandbox (and memory for every statement's report) for as long as it runs. Linting has no such limit.
 */
public final class MigrationSize {

    public static final int MAX_STATEMENTS = 10_000;
    public static final long MAX_CHARS = 16_000_000;

    private MigrationSize() {}

    /** @throws ToolException when the units hold more statements or text than one sandbox run takes */
    public static void requireWithinLimits(List<MigrationUnit> units) {
        long chars = 0;
        int statements = 0;
        for (MigrationUnit unit : units) {
            chars += unit.sql().length();
            if (chars > MAX_CHARS) {
                throw new ToolException("The migration holds more than " + MAX_CHARS + " characters (at " + unit.file()
                        + "); a sandbox run takes at most that. Run it in parts.");
            }
            statements += (int) SqlSplitter.split(unit.sql(), unit.file()).stream()
                    .filter(s -> s.kind() == SqlStatement.Kind.SQL)
                    .count();
            if (statements > MAX_STATEMENTS) {
                throw new ToolException("The migration holds more than " + MAX_STATEMENTS + " statements (at "
                        + unit.file() + "); a sandbox run takes at most that. Run it in parts.");
            }
        }
    }
}
