package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code adding-enum-value-in-transaction} rule; what it guards against is its explanation, below. */
public final class AddingEnumValueInTransaction extends RuleBase {

    public AddingEnumValueInTransaction() {
        super(
                "adding-enum-value-in-transaction",
                Category.CORRECTNESS,
                Severity.ERROR,
                LockMode.NONE,
                "Before PostgreSQL 12, ALTER TYPE ... ADD VALUE cannot run inside a transaction block at all. Since 12 it can, but the new value cannot be used until the transaction commits (\"unsafe use of new value\"): a migration that adds a value and uses it in the same transaction fails.");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!state.inTransaction()) {
            return List.of();
        }
        if (state.targetVersion() < 12 && s.startsWith("ALTER", "TYPE") && s.contains("ADD", "VALUE")) {
            return List.of(finding(
                    s,
                    "before PostgreSQL 12, ADD VALUE cannot run inside a transaction block",
                    "-- move this statement to a migration of its own that runs outside a transaction\n" + s.text()
                            + ";"));
        }
        for (SqlTokens.Token t : s.tokens()) {
            if (t.type() == SqlTokens.Type.STRING
                    && !s.startsWith("ALTER", "TYPE")
                    && state.enumValueAddedInTransaction(t.value())) {
                return List.of(finding(
                        s,
                        "uses enum value " + t.value()
                                + ", added in the same transaction: PostgreSQL refuses it until that commits",
                        "-- commit the ADD VALUE first (a migration of its own), then run:\n" + s.text() + ";"));
            }
        }
        return List.of();
    }
}
