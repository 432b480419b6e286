package dev.schemaguard.tools.drift;

import dev.schemaguard.tools.InputException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A comparison cut to a token budget, as inspect_schema's answers are: its differences, then its converging SQL,
 * from a cursor on, as many as fit (always at least one). The cursor names the comparison it came from: a page asked
 * for after either side changed is refused rather than stitched onto another comparison.
 *
 * @param totalDifferences how many differences the whole comparison has
 * @param totalStatements  how many statements its converging SQL has
 * @param nextCursor       where the next page starts; null on the last page
 */
public record ComparisonPage(
        @com.fasterxml.jackson.annotation.JsonUnwrapped CompareSchemas.Comparison comparison,
        int totalDifferences,
        int totalStatements,
        String nextCursor) {

    private static final int CHARS_PER_TOKEN = 4;
    public static final int MIN_BUDGET_TOKENS = 1_000;

    public static ComparisonPage of(CompareSchemas.Comparison whole, int budgetTokens, String cursor) {
        if (budgetTokens < MIN_BUDGET_TOKENS) {
            throw new InputException("budget_tokens must be at least " + MIN_BUDGET_TOKENS + ", was " + budgetTokens);
        }
        List<String> statements =
                whole.convergence() == null ? List.of() : whole.convergence().statements();
        int items = whole.differences().size() + statements.size();
        String identity = identity(whole);
        if (items == 0) {
            return new ComparisonPage(whole, 0, 0, null);
        }
        int start = cursor == null ? 0 : start(cursor, identity, items);
        long room = (long) budgetTokens * CHARS_PER_TOKEN - fixedChars(whole);
        int end = start;
        do { // at least one item, however large
            room -= chars(whole, end);
            end++;
        } while (end < items && room - chars(whole, end) >= 0);
        int d = whole.differences().size();
        List<CompareSchemas.Difference> differences = whole.differences().subList(Math.min(start, d), Math.min(end, d));
        Convergence convergence = whole.convergence();
        if (convergence != null) {
            List<String> shown = end <= d ? List.of() : statements.subList(Math.max(start - d, 0), end - d);
            convergence = new Convergence(
                    convergence.verdict(),
                    shown,
                    convergence.irreversible(),
                    convergence.notes(),
                    convergence.remaining());
        }
        CompareSchemas.Comparison page = new CompareSchemas.Comparison(
                whole.first(), whole.second(), differences, whole.ignoredColumnOrder(), convergence);
        return new ComparisonPage(page, d, statements.size(), end < items ? encode(end, identity) : null);
    }

    public String toText() {
        String text = comparison.toText();
        if (nextCursor == null
                && comparison.differences().size() == totalDifferences
                && (comparison.convergence() == null
                        || comparison.convergence().statements().size() == totalStatements)) {
            return text;
        }
        return text + "(a page of " + totalDifferences + " difference(s) and " + totalStatements + " statement(s)"
                + (nextCursor == null ? ": the last" : "; the next: cursor=" + nextCursor) + ")\n";
    }

    private static long fixedChars(CompareSchemas.Comparison whole) {
        Convergence c = whole.convergence();
        long chars = 400;
        if (c != null) {
            chars += String.join("", c.irreversible()).length()
                    + String.join("", c.notes()).length()
                    + 200L * c.remaining().size();
        }
        return chars;
    }

    private static long chars(CompareSchemas.Comparison whole, int item) {
        int d = whole.differences().size();
        if (item >= d) {
            return whole.convergence().statements().get(item - d).length() + 8L;
        }
        CompareSchemas.Difference diff = whole.differences().get(item);
        long chars = 80L + diff.kind().length() + diff.object().length();
        for (List<String> parts : java.util.Arrays.asList(diff.first(), diff.second())) {
            if (parts != null) {
                for (String p : parts) {
                    chars += p.length() + 4;
                }
            }
        }
        return chars;
    }

    private static String identity(CompareSchemas.Comparison whole) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (CompareSchemas.Difference d : whole.differences()) {
                digest.update((d.state() + " " + d.kind() + " " + d.object() + "\n").getBytes(StandardCharsets.UTF_8));
                for (List<String> parts : java.util.Arrays.asList(d.first(), d.second())) {
                    if (parts != null) {
                        parts.forEach(p -> digest.update(p.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            if (whole.convergence() != null) {
                whole.convergence().statements().forEach(s -> digest.update(s.getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(int next, String identity) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((next + ":" + identity).getBytes(StandardCharsets.UTF_8));
    }

    private static int start(String cursor, String identity, int items) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InputException("cursor: not a cursor this tool gave (" + e.getMessage() + ")");
        }
        String[] parts = decoded.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,9}")) {
            throw new InputException("cursor: not a cursor this tool gave");
        }
        if (!parts[1].equals(identity)) {
            throw new InputException(
                    "cursor: the comparison changed since that page was given (a side changed); start again without a cursor");
        }
        int start = Integer.parseInt(parts[0]);
        if (start >= items) {
            throw new InputException("cursor: past the end of the comparison");
        }
        return start;
    }
}
