package dev.schemaguard.tools.lint.input;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flyway's naming: versioned {@code V1.2__x.sql}, repeatable {@code R__x.sql} and undo {@code U1.2__x.sql}. */
final class FlywayLayout {

    static final String TOOL = "flyway";

    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.*)\\.sql");
    private static final String NO_TRANSACTION_DIRECTIVE = "--flyway:executeintransaction=false";

    private FlywayLayout() {}

    record FlywayName(char prefix, List<BigInteger> version, String description) {

        String role() {
            return switch (prefix) {
                case 'V' -> MigrationUnit.UP;
                case 'U' -> MigrationUnit.UNDO;
                default -> MigrationUnit.REPEATABLE;
            };
        }
    }

    static boolean matches(String fileName) {
        return parse(fileName).isPresent();
    }

    static Optional<FlywayName> parse(String fileName) {
        Matcher versioned = VERSIONED.matcher(fileName);
        if (versioned.matches()) {
            List<BigInteger> version = new ArrayList<>();
            for (String part : versioned.group(2).split("[._]")) {
                version.add(new BigInteger(part));
            }
            return Optional.of(new FlywayName(versioned.group(1).charAt(0), version, versioned.group(3)));
        }
        Matcher repeatable = REPEATABLE.matcher(fileName);
        if (repeatable.matches()) {
            return Optional.of(new FlywayName('R', List.of(), repeatable.group(1)));
        }
        return Optional.empty();
    }

    /** Versioned files by version, then repeatable ones by description, then undo files by version. */
    static List<MigrationUnit> read(List<Path> files) {
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing((Path file) -> name(file), FlywayLayout::compare));
        // read (and checked for Flyway's executeInTransaction directive) in parallel, kept in Flyway's order
        return sorted.parallelStream().map(file -> unit(file, name(file))).toList();
    }

    static MigrationUnit unit(Path file, FlywayName name) {
        String sql = SourceText.read(file);
        // Flyway runs a migration of only non-transactional statements (CREATE INDEX CONCURRENTLY …) outside a
        // transaction
        boolean inTransaction = !hasNoTransactionDirective(sql)
                && !sidecarDisablesTransaction(file)
                && !TransactionBlocks.onlyOutsideTransactions(sql);
        return new MigrationUnit(file.toString(), 1, sql, inTransaction, TOOL, name.role());
    }

    private static FlywayName name(Path file) {
        return parse(file.getFileName().toString()).orElseThrow();
    }

    private static int compare(FlywayName a, FlywayName b) {
        int byKind = Integer.compare(kindOrder(a.prefix()), kindOrder(b.prefix()));
        if (byKind != 0) {
            return byKind;
        }
        if (a.prefix() == 'R') {
            return a.description().compareTo(b.description());
        }
        int byVersion = compareVersions(a.version(), b.version());
        return byVersion != 0 ? byVersion : a.description().compareTo(b.description());
    }

    private static int kindOrder(char prefix) {
        return switch (prefix) {
            case 'V' -> 0;
            case 'R' -> 1;
            default -> 2;
        };
    }

    /** Part by part, numerically; missing trailing parts count as 0 (1 equals 1.0, as in Flyway). */
    static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * A line that reads {@code --flyway:executeInTransaction=false} once whitespace is removed and case ignored. One pass,
     * no copies: this looks at every character of every file, and lower-casing each file first was 5 % of a lint run.
     */
    static boolean hasNoTransactionDirective(String sql) {
        String directive = NO_TRANSACTION_DIRECTIVE;
        int matched = 0;
        boolean possible = true;
        for (int i = 0, n = sql.length(); i <= n; i++) {
            char c = i < n ? sql.charAt(i) : '\n';
            if (c == '\n'
                    || c == '\r'
                    || c == '\u000B'
                    || c == '\f'
                    || c == '\u0085'
                    || c == '\u2028'
                    || c == '\u2029') {
                if (possible && matched == directive.length()) {
                    return true;
                }
                matched = 0;
                possible = true;
            } else if (possible && c != ' ' && c != '\t') {
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                possible = matched < directive.length() && lower == directive.charAt(matched);
                matched++;
            }
        }
        return false;
    }

    private static boolean sidecarDisablesTransaction(Path file) {
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return false;
        }
        for (String line : SourceText.lines(SourceText.read(conf))) {
            if (normalized(line).equals("executeintransaction=false")) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String line) {
        return line.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
