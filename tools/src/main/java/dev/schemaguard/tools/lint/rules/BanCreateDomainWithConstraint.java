package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LintRule;
import dev.schemaguard.tools.lint.LintStatement;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.Severity;

import java.util.List;

/** {@code ban-create-domain-with-constraint}: A CHECK on a domain is hard to change later: ALTER DOMAIN ... ADD CONSTRAINT scans every column of that type under lock, and the constraint cannot be made NOT VALID per table. Put CHECKs on the tables. */
public final class BanCreateDomainWithConstraint implements LintRule {

    @Override
    public String id() {
        return "ban-create-domain-with-constraint";
    }

    @Override
    public Category category() {
        return Category.CORRECTNESS;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public LockMode lock() {
        return LockMode.NONE;
    }

    @Override
    public String explanation() {
        return "A CHECK on a domain is hard to change later: ALTER DOMAIN ... ADD CONSTRAINT scans every column of that type under lock, and the constraint cannot be made NOT VALID per table. Put CHECKs on the tables.";
    }

    @Override
    public List<Finding> check(LintStatement s, MigrationState state) {
        if (!s.startsWith("CREATE", "DOMAIN") || !s.contains("CHECK")) {
            return List.of();
        }
        return List.of(finding(s, "the domain carries a CHECK constraint",
                "-- create the domain without CHECK and add CHECK (... ) NOT VALID constraints to the tables that use it"));
    }
}
