package dev.schemaguard.tools.lint;

/**
 * One hazard in one statement.
 *
 * @param fix         the safe alternative, as SQL for the statement at hand (null when there is none to write)
 * @param fingerprint rule, file and statement text hashed: stable when lines move, used by baselines and SARIF
 */
public record Finding(
        String rule,
        Severity severity,
        Category category,
        String file,
        int line,
        int column,
        String message,
        String fix,
        LockMode lock,
        String fingerprint) {

    /** What the lock blocks for everyone else ("reads and writes", "writes" or "nothing"). */
    @com.fasterxml.jackson.annotation.JsonProperty("blocks")
    public String blocks() {
        return lock.blocks();
    }

    public Finding withSeverity(Severity value) {
        return new Finding(rule, value, category, file, line, column, message, fix, lock, fingerprint);
    }

    public Finding withMessage(String value) {
        return new Finding(rule, severity, category, file, line, column, value, fix, lock, fingerprint);
    }
}
