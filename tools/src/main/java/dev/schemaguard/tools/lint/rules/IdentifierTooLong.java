package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code identifier-too-long} rule; what it guards against is its explanation, below. */
public final class IdentifierTooLong extends RuleBase {

    public IdentifierTooLong() {
        super(
                "identifier-too-long",
                Category.CORRECTNESS,
                Severity.ERROR,
                LockMode.NONE,
                "PostgreSQL truncates identifiers longer than 63 bytes without an error, so two long names can silently become the same object name, and the name in the database differs from the one in the code.");
        onStatementsStartingWith("ALTER", "CREATE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("CREATE") || s.startsWith("ALTER"))) {
            return List.of();
        }
        for (var token : s.tokens()) {
            boolean identifier = token.type() == dev.schemaguard.tools.sql.SqlTokens.Type.WORD
                    || token.type() == dev.schemaguard.tools.sql.SqlTokens.Type.QUOTED_IDENTIFIER;
            String name = token.type() == dev.schemaguard.tools.sql.SqlTokens.Type.QUOTED_IDENTIFIER
                    ? token.value()
                    : token.raw();
            if (identifier
                    && name.length() > 21
                    && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
                return List.of(finding(
                        s,
                        "identifier " + name + " is longer than 63 bytes and will be truncated",
                        "-- shorten it to at most 63 bytes, e.g.: " + name.substring(0, Math.min(name.length(), 63))));
            }
        }
        return List.of();
    }
}
