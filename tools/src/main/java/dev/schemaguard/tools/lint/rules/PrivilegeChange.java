package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code privilege-change} rule; what it guards against is its explanation, below. */
public final class PrivilegeChange extends RuleBase {

    public PrivilegeChange() {
        super(
                "privilege-change",
                Category.SECURITY,
                Severity.WARNING,
                LockMode.NONE,
                "GRANT, REVOKE, ALTER ROLE and ALTER DEFAULT PRIVILEGES change who may read or change data; such changes need a security review, not just a schema review.");
        onStatementsStartingWith("ALTER", "CREATE", "GRANT", "REVOKE");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        if (!(s.startsWith("GRANT")
                || s.startsWith("REVOKE")
                || s.startsWith("ALTER", "ROLE")
                || s.startsWith("ALTER", "USER")
                || s.startsWith("ALTER", "DEFAULT", "PRIVILEGES")
                || s.startsWith("CREATE", "ROLE")
                || s.startsWith("CREATE", "USER"))) {
            return List.of();
        }
        return List.of(finding(
                s,
                "changes privileges: needs a security review",
                "-- keep privilege changes in a migration of their own, reviewed by whoever owns access control:\n"
                        + s.text() + ";"));
    }
}
