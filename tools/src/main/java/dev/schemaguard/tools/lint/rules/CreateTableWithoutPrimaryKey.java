package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code create-table-without-primary-key} rule; what it guards against is its explanation, below. */
public final class CreateTableWithoutPrimaryKey extends RuleBase {

    public CreateTableWithoutPrimaryKey() {
        super(
                "create-table-without-primary-key",
                Category.CORRECTNESS,
                Severity.WARNING,
                LockMode.NONE,
                "A table without a primary key cannot be replicated logically (UPDATE and DELETE fail under a publication), and its rows cannot be addressed one by one by tools and ORMs.");
        onStatementsStartingWith("CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!s.startsWith("CREATE", "TABLE")
                || s.contains("PRIMARY", "KEY")
                || s.contains("PARTITION", "OF")
                || s.contains("AS", "SELECT")
                || s.contains("LIKE")
                || s.contains("INHERITS")) {
            return List.of();
        }
        int i = s.matchesAt(2, "IF", "NOT", "EXISTS") ? 5 : 2;
        return List.of(finding(
                s,
                "table " + s.nameAt(i) + " has no primary key",
                "-- add one, e.g. as the first column: id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"));
    }
}
