package dev.schemaguard.tools.lint;

/** What every rule declares about itself, held once, so a rule class is its constructor line and its check. */
public abstract class RuleBase implements LintRule {

    private final String id;
    private final Category category;
    private final Severity severity;
    private final LockMode lock;
    private final String explanation;
    private final PostgresVersions versions;
    private java.util.Set<String> firstWords = java.util.Set.of();

    protected RuleBase(String id, Category category, Severity severity, LockMode lock, String explanation) {
        this(id, category, severity, lock, PostgresVersions.ALL, explanation);
    }

    protected RuleBase(
            String id,
            Category category,
            Severity severity,
            LockMode lock,
            PostgresVersions versions,
            String explanation) {
        this.versions = versions;
        this.id = id;
        this.category = category;
        this.severity = severity;
        this.lock = lock;
        this.explanation = explanation;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public final Severity defaultSeverity() {
        return severity;
    }

    @Override
    public final LockMode lock() {
        return lock;
    }

    @Override
    public final String explanation() {
        return explanation;
    }

    @Override
    public final PostgresVersions appliesTo() {
        return versions;
    }

    /** Restricts the rule to statements whose first word is one of these: the engine skips it for all others. */
    protected final void onStatementsStartingWith(String... words) {
        this.firstWords = java.util.Set.of(words);
    }

    @Override
    public final java.util.Set<String> firstWords() {
        return firstWords;
    }
}
