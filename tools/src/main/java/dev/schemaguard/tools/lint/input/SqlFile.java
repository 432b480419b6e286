package dev.schemaguard.tools.lint.input;

import java.nio.file.Path;
import java.util.List;

/** One .sql file, recognised by its markers (Liquibase, dbmate) or its name (golang-migrate, Flyway); else plain SQL. */
final class SqlFile {

    static final String PLAIN = "plain";
    private static final java.util.regex.Pattern MENTIONS_LIQUIBASE = java.util.regex.Pattern.compile(
            "liquibase", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.LITERAL);

    private SqlFile() {}

    static List<MigrationUnit> read(Path file, boolean assumeInTransaction) {
        String text = SourceText.read(file);
        String name = file.getFileName().toString();
        // markers are looked for in lines only when the text can hold them: most files hold neither
        if (MENTIONS_LIQUIBASE.matcher(text).find()) {
            List<String> lines = SourceText.lines(text);
            if (LiquibaseFormattedSql.matches(lines)) {
                return LiquibaseFormattedSql.read(file, lines);
            }
        }
        if (text.contains("migrate:")) {
            List<String> lines = SourceText.lines(text);
            if (DbmateFile.matches(lines)) {
                return DbmateFile.read(file, lines);
            }
        }
        if (text.contains("+goose")) {
            List<String> lines = SourceText.lines(text);
            if (GooseFile.matches(lines)) {
                return GooseFile.read(file, lines);
            }
        }
        if (GolangMigrateLayout.matches(name)) {
            return List.of(GolangMigrateLayout.unit(file));
        }
        var flyway = FlywayLayout.parse(name);
        if (flyway.isPresent()) {
            return List.of(FlywayLayout.unit(file, flyway.get()));
        }
        boolean wrapped = assumeInTransaction && !TransactionBlocks.onlyOutsideTransactions(text);
        return List.of(new MigrationUnit(file.toString(), 1, text, wrapped, PLAIN, MigrationUnit.UP));
    }
}
