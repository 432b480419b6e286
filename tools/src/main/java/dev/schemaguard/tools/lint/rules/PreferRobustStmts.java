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

/** The {@code prefer-robust-stmts} rule (off by default); what it guards against is its explanation, below. */
public final class PreferRobustStmts extends RuleBase {

    public PreferRobustStmts() {
        super(
                "prefer-robust-stmts",
                Category.CONVENTION,
                Severity.OFF,
                LockMode.NONE,
                "A migration that runs outside a transaction and fails half-way must be re-run; statements that fail because their first half already happened (CREATE without IF NOT EXISTS, DROP without IF EXISTS) make the re-run fail too. Inside a transaction the whole file rolls back, so this only applies outside one.");
        onStatementsStartingWith("ALTER", "CREATE", "DROP");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (state.inTransaction()) {
            return List.of();
        }
        String fix = null;
        if ((s.startsWith("CREATE", "TABLE")
                        || s.startsWith("CREATE", "INDEX")
                        || s.startsWith("CREATE", "UNIQUE", "INDEX")
                        || s.startsWith("CREATE", "SCHEMA")
                        || s.startsWith("CREATE", "SEQUENCE"))
                && !s.contains("IF", "NOT", "EXISTS")) {
            int at = s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX")
                    ? (s.contains("CONCURRENTLY") ? s.find(0, "CONCURRENTLY") : s.find(0, "INDEX"))
                    : s.find(0, s.tokens().get(1).value());
            if (s.startsWith("CREATE", "UNIQUE")) {
                at = s.contains("CONCURRENTLY") ? s.find(0, "CONCURRENTLY") : s.find(0, "INDEX");
            }
            fix = insertAfter(s, at, "IF NOT EXISTS");
        } else if (s.startsWith("DROP")
                && !s.contains("IF", "EXISTS")
                && s.tokens().size() > 2) {
            int at = s.matchesAt(1, "INDEX", "CONCURRENTLY") ? 2 : s.matchesAt(1, "MATERIALIZED") ? 2 : 1;
            fix = insertAfter(s, at, "IF EXISTS");
        } else if (s.alteredTable() != null && s.contains("ADD", "COLUMN") && !s.contains("IF", "NOT", "EXISTS")) {
            fix = insertAfter(s, s.find(0, "ADD", "COLUMN") + 1, "IF NOT EXISTS");
        } else if (s.alteredTable() != null && s.contains("DROP", "COLUMN") && !s.contains("IF", "EXISTS")) {
            fix = insertAfter(s, s.find(0, "DROP", "COLUMN") + 1, "IF EXISTS");
        }
        return fix == null
                ? List.of()
                : List.of(
                        finding(s, "not re-runnable: outside a transaction, a retry after a failure fails here", fix));
    }

    private static String insertAfter(StatementShape s, int tokenIndex, String words) {
        SqlTokens.Token t = s.tokens().get(tokenIndex);
        int at = t.offset() + t.raw().length();
        return s.text().substring(0, at) + " " + words + s.text().substring(at) + ";";
    }
}
