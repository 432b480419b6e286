package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code prefer-timestamp-tz} rule; what it guards against is its explanation, below. */
public final class PreferTimestampTz extends RuleBase {

    public PreferTimestampTz() {
        super(
                "prefer-timestamp-tz",
                Category.CONVENTION,
                Severity.WARNING,
                LockMode.NONE,
                "timestamp (without time zone) stores wall-clock time with no zone, so values written from servers in different zones cannot be compared. timestamptz stores an instant.");
        onStatementsStartingWith("ALTER", "CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("CREATE", "TABLE") || s.alteredTable() != null)) {
            return List.of();
        }
        var tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("TIMESTAMP") && !s.matchesAt(i + 1, "WITH", "TIME", "ZONE")) {
                return List.of(finding(
                        s,
                        "timestamp without time zone loses the zone of the values it stores",
                        Rewrite.of(s.text())
                                        .all(
                                                "(?i)\\btimestamp\\b(?!\\s+with\\s+time\\s+zone)(\\s+without\\s+time\\s+zone)?",
                                                "timestamptz")
                                + ";"));
            }
        }
        return List.of();
    }
}
