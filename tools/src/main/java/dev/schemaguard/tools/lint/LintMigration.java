package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.lint.split.SqlSplitter;
import dev.schemaguard.tools.lint.split.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code lint_migration} use case (first slice: SQL text, the rules in {@link LintRules}, judged on the SQL alone).
 * Statements are split, tokenised and checked in order, so rules know what the migration did before them.
 */
public final class LintMigration {

    private final List<LintRule> rules;

    public LintMigration(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public LintMigration() {
        this(LintRules.all());
    }

    private String note() {
        return "Judged on the SQL alone: no environment's schema was read (table sizes, existing objects and column types "
                + "are not known). This first version checks " + rules.size() + " rules: "
                + String.join(", ", rules.stream().map(LintRule::id).toList()) + ".";
    }

    /** Lints several migration files in order (statements per file are counted in the summary). */
    public LintReport lint(Map<String, String> sqlByFile, boolean assumeInTransaction) {
        List<Finding> findings = new ArrayList<>();
        int statements = 0;
        for (Map.Entry<String, String> file : sqlByFile.entrySet()) {
            statements += SqlSplitter.split(file.getValue(), file.getKey()).size();
            findings.addAll(lint(file.getValue(), file.getKey(), assumeInTransaction));
        }
        return LintReport.of(findings, statements, sqlByFile.size(), note());
    }

    /**
     * @param assumeInTransaction whether the migration tool wraps the file in a transaction (Flyway and golang-migrate do)
     */
    public List<Finding> lint(String sql, String file, boolean assumeInTransaction) {
        MigrationState state = new MigrationState(assumeInTransaction);
        List<Finding> findings = new ArrayList<>();
        for (SqlStatement source : SqlSplitter.split(sql, file)) {
            if (source.kind() != SqlStatement.Kind.SQL) {
                continue;
            }
            LintStatement statement = LintStatement.of(source);
            for (LintRule rule : rules) {
                findings.addAll(rule.check(statement, state));
            }
            state.observe(statement);
        }
        return findings;
    }
}
