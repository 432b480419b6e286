package dev.schemaguard.tools.lint.input;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** golang-migrate's naming: {@code 0001_name.up.sql} and {@code 0001_name.down.sql}. */
final class GolangMigrateLayout {

    static final String TOOL = "golang-migrate";

    private static final Pattern NAME = Pattern.compile("(\\d+)_(.*)\\.(up|down)\\.sql");

    private GolangMigrateLayout() {}

    static boolean matches(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** Up files then down files, each by ascending version; down units are reversed by the caller. */
    static List<MigrationUnit> read(List<Path> files) {
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing((Path f) -> direction(f).equals("down"))
                .thenComparing(GolangMigrateLayout::version)
                .thenComparing(f -> f.getFileName().toString()));
        return sorted.parallelStream().map(GolangMigrateLayout::unit).toList(); // read in parallel, kept in order
    }

    static MigrationUnit unit(Path file) {
        String role = direction(file).equals("up") ? MigrationUnit.UP : MigrationUnit.DOWN;
        return new MigrationUnit(file.toString(), 1, SourceText.read(file), true, TOOL, role);
    }

    private static BigInteger version(Path file) {
        return new BigInteger(matcher(file).group(1));
    }

    private static String direction(Path file) {
        return matcher(file).group(3);
    }

    private static Matcher matcher(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return m;
    }
}
