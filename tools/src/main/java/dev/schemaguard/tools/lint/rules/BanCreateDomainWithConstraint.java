package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code ban-create-domain-with-constraint} rule; what it guards against is its explanation, below. */
public final class BanCreateDomainWithConstraint extends RuleBase {

    public BanCreateDomainWithConstraint() {
        super(
                "ban-create-domain-with-constraint",
                Category.CORRECTNESS,
                Severity.WARNING,
                LockMode.NONE,
                "A CHECK on a domain is hard to change later: ALTER DOMAIN ... ADD CONSTRAINT scans every column of that type under lock, and the constraint cannot be made NOT VALID per table. Put CHECKs on the tables.");
        onStatementsStartingWith("CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("CREATE", "DOMAIN") || !s.contains("CHECK")) {
            return List.of();
        }
        return List.of(
                finding(
                        s,
                        "the domain carries a CHECK constraint",
                        "-- create the domain without CHECK and add CHECK (... ) NOT VALID constraints to the tables that use it"));
    }
}
