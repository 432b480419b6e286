package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-alter-domain-with-add-constraint} rule; what it guards against is its explanation, below. */
public final class BanAlterDomainWithAddConstraint extends RuleBase {

    public BanAlterDomainWithAddConstraint() {
        super(
                "ban-alter-domain-with-add-constraint",
                Category.LOCKING,
                Severity.ERROR,
                LockMode.SHARE,
                "ALTER DOMAIN ... ADD CONSTRAINT checks every column of every table that uses the domain while holding locks on all of them.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("ALTER", "DOMAIN") || !s.contains("ADD") || s.contains("NOT", "VALID")) {
            return List.of();
        }
        return List.of(finding(
                s,
                "adding a domain constraint checks every table that uses the domain under lock",
                s.text() + " NOT VALID;\n-- then: ALTER DOMAIN <domain> VALIDATE CONSTRAINT <name>;"));
    }
}
