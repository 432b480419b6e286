package dev.schemaguard.tools.lint.input;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The identity a migration's tool records for it in its history table, derived from where the migration was read
 * (its file or directory name, its changeset), as the tool derives it. Keys of numbered versions are normalised (no
 * leading zeros) on both sides, as the tools compare versions as numbers.
 */
public final class HistoryKeys {

    private static final Pattern LEADING_DIGITS = Pattern.compile("\\d+");
    private static final Pattern DIESEL_VERSION = Pattern.compile("^([^_]+)_.*");

    private HistoryKeys() {}

    /** The key of a forward unit, or empty for a unit no history records (down, undo, rollback, plain SQL). */
    public static Optional<String> of(MigrationUnit unit) {
        if (unit.reverts()) {
            return Optional.empty();
        }
        Path file = Path.of(unit.file());
        String name = file.getFileName().toString();
        return Optional.ofNullable(
                switch (unit.tool()) {
                    case FlywayLayout.TOOL ->
                        FlywayLayout.parse(name).map(HistoryKeys::flyway).orElse(null);
                    case "liquibase" -> unit.changeSet() == null ? null : unit.changeSet() + "::" + name;
                    case GolangMigrateLayout.TOOL, GooseFile.TOOL, DbmateFile.TOOL -> leadingNumber(name);
                    case "diesel" -> diesel(file.getParent().getFileName().toString());
                    case "prisma" -> file.getParent().getFileName().toString();
                    case SqitchLayout.TOOL -> sqitchChange(file);
                    default -> null;
                });
    }

    private static String flyway(FlywayLayout.FlywayName name) {
        return name.prefix() == 'R'
                ? "R:" + flywayDescription(name.description())
                : "V"
                        + version(name.version().stream()
                                .map(BigInteger::toString)
                                .collect(Collectors.joining(".")));
    }

    /** Flyway records a file's description with underscores as spaces. */
    public static String flywayDescription(String fromFileName) {
        return fromFileName.replace('_', ' ');
    }

    /** A Flyway version as its history table holds it ({@code 1.2}, {@code 1_02}) as a key: {@code V1.2}. */
    public static String flywayVersion(String recorded) {
        return "V"
                + version(java.util.Arrays.stream(recorded.split("[._]"))
                        .map(p -> new BigInteger(p).toString())
                        .collect(Collectors.joining(".")));
    }

    private static String version(String dotted) {
        return dotted.replaceAll("(\\.0)+$", "");
    }

    /** A number recorded as a version (golang-migrate, goose, dbmate): without leading zeros. */
    public static String number(String recorded) {
        String trimmed = recorded.strip();
        return trimmed.matches("\\d+") ? new BigInteger(trimmed).toString() : trimmed;
    }

    private static String leadingNumber(String fileName) {
        Matcher m = LEADING_DIGITS.matcher(fileName);
        return m.lookingAt() ? number(m.group()) : null;
    }

    /** Diesel records the part of the directory name before the first underscore, without dashes. */
    public static String diesel(String directoryName) {
        Matcher m = DIESEL_VERSION.matcher(directoryName);
        return (m.matches() ? m.group(1) : directoryName).replace("-", "");
    }

    private static String sqitchChange(Path deploy) {
        Path dir = deploy.getParent();
        StringBuilder change = new StringBuilder(deploy.getFileName().toString().replaceFirst("\\.sql$", ""));
        while (dir != null
                && dir.getFileName() != null
                && !dir.getFileName().toString().equals("deploy")) {
            change.insert(0, dir.getFileName() + "/");
            dir = dir.getParent();
        }
        return change.toString();
    }

    /**
     * The sqitch project a deploy script belongs to: {@code %project=} in the {@code sqitch.plan} beside its
     * {@code deploy/} directory (one registry holds the changes of every project deployed to a database).
     */
    public static Optional<String> sqitchProject(MigrationUnit unit) {
        java.nio.file.Path deploy = java.nio.file.Path.of(unit.file()).getParent();
        java.nio.file.Path plan = deploy == null || deploy.getParent() == null
                ? null
                : deploy.getParent().resolve("sqitch.plan");
        if (plan == null || !java.nio.file.Files.isRegularFile(plan)) {
            return Optional.empty();
        }
        return SourceText.lines(SourceText.read(plan)).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("%project="))
                .map(line -> line.substring("%project=".length()).strip())
                .findFirst();
    }
}
