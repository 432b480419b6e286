package dev.schemaguard.tools.lint;

/**
 * One hazard in one statement.
 *
 * @param fix the safe alternative, as SQL for the statement at hand (null when there is none to write)
 */
public record Finding(String rule, Severity severity, Category category, String file, int line, int column, String message,
                      String fix, LockMode lock) {
}
