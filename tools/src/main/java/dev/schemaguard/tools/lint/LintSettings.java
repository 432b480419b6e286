package dev.schemaguard.tools.lint;

import java.util.List;
import java.util.Map;

/**
 * How a lint runs: the {@code lint} section of schemaguard.yaml, overridden by CLI flags or tool arguments.
 *
 * @param targetVersion        PostgreSQL major version the migration will run on (null: the environment's, else 16)
 * @param assumeInTransaction  whether files without a known owner tool run inside a transaction
 * @param severities           per-rule severity; OFF disables a rule, any other value enables a rule that is off by default
 * @param bigTableRows         tables with at least this many (estimated) rows make locking findings errors
 * @param excludedPaths        glob patterns (relative to the working directory) of files not to lint
 * @param baseline             file of findings already accepted (null: none)
 */
public record LintSettings(
        Integer targetVersion,
        boolean assumeInTransaction,
        Map<String, Severity> severities,
        long bigTableRows,
        List<String> excludedPaths,
        String baseline) {

    public static final int DEFAULT_VERSION = 16;
    public static final long DEFAULT_BIG_TABLE_ROWS = 1_000_000;

    public LintSettings {
        severities = Map.copyOf(severities);
        excludedPaths = List.copyOf(excludedPaths);
    }

    public static LintSettings defaults() {
        return new LintSettings(null, true, Map.of(), DEFAULT_BIG_TABLE_ROWS, List.of(), null);
    }

    public LintSettings withAssumeInTransaction(boolean value) {
        return new LintSettings(targetVersion, value, severities, bigTableRows, excludedPaths, baseline);
    }

    public LintSettings withTargetVersion(Integer value) {
        return new LintSettings(value, assumeInTransaction, severities, bigTableRows, excludedPaths, baseline);
    }

    public LintSettings withBaseline(String value) {
        return new LintSettings(targetVersion, assumeInTransaction, severities, bigTableRows, excludedPaths, value);
    }

    /** The severity a rule reports with here (OFF: the rule does not run). */
    public Severity severityOf(LintRule rule) {
        return severities.getOrDefault(rule.id(), rule.defaultSeverity());
    }
}
