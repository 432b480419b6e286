package dev.schemaguard.tools.lint.input;

import java.nio.file.Path;
import java.util.List;

/** One .sql file, recognised by its markers (Liquibase, dbmate) or its name (golang-migrate, Flyway); else plain SQL. */
final class SqlFile {

    static final String PLAIN = "plain";

    private SqlFile() {
    }

    static List<MigrationUnit> read(Path file, boolean assumeInTransaction) {
        String text = SourceText.read(file);
        List<String> lines = SourceText.lines(text);
        String name = file.getFileName().toString();
        if (LiquibaseFormattedSql.matches(lines)) {
            return LiquibaseFormattedSql.read(file, lines);
        }
        if (DbmateFile.matches(lines)) {
            return DbmateFile.read(file, lines);
        }
        if (GolangMigrateLayout.matches(name)) {
            return List.of(GolangMigrateLayout.unit(file));
        }
        var flyway = FlywayLayout.parse(name);
        if (flyway.isPresent()) {
            return List.of(FlywayLayout.unit(file, flyway.get()));
        }
        return List.of(new MigrationUnit(file.toString(), 1, text, assumeInTransaction, PLAIN, MigrationUnit.UP));
    }
}
