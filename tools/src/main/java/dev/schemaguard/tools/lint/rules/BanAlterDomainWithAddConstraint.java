package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code ban-alter-domain-with-add-constraint}: ALTER DOMAIN ... ADD CONSTRAINT checks every column of every table that uses the domain while holding locks on all of them. */
public final class BanAlterDomainWithAddConstraint implements LintRule {

    @Override
    public String id() {
        return "ban-alter-domain-with-add-constraint";
    }

    @Override
    public Category category() {
        return Category.LOCKING;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public LockMode lock() {
        return LockMode.SHARE;
    }

    @Override
    public String explanation() {
        return "ALTER DOMAIN ... ADD CONSTRAINT checks every column of every table that uses the domain while holding locks on all of them.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!s.startsWith("ALTER", "DOMAIN") || !s.contains("ADD") || s.contains("NOT", "VALID")) {
            return List.of();
        }
        return List.of(finding(s, "adding a domain constraint checks every table that uses the domain under lock",
                s.text() + " NOT VALID;\n-- then: ALTER DOMAIN <domain> VALIDATE CONSTRAINT <name>;"));
    }
}
