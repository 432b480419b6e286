package dev.schemaguard.tools.lint.rules;

import dev.schemaguard.tools.lint.Category;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.lint.MigrationState;
import dev.schemaguard.tools.lint.RuleBase;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** The {@code table-rewrite} rule; what it guards against is its explanation, below. */
public final class TableRewrite extends RuleBase {

    public TableRewrite() {
        super(
                "table-rewrite",
                Category.REWRITE,
                Severity.ERROR,
                LockMode.ACCESS_EXCLUSIVE,
                "SET TABLESPACE, SET LOGGED / SET UNLOGGED and SET ACCESS METHOD copy the whole table (and SET TABLESPACE each index) under an ACCESS EXCLUSIVE lock: no reads or writes for as long as the copy takes. pg_repack can do these online; otherwise plan a maintenance window.");
        onStatementsStartingWith("ALTER");
    }

    @Override
    public List<Finding> check(StatementShape s, MigrationState state) {
        String table = s.alteredTable();
        if (table == null && (s.startsWith("ALTER", "INDEX") || s.startsWith("ALTER", "MATERIALIZED", "VIEW"))) {
            int i = s.startsWith("ALTER", "INDEX") ? 2 : 3;
            i = s.matchesAt(i, "IF", "EXISTS") ? i + 2 : i;
            table = s.contains("SET", "TABLESPACE") ? s.nameAt(i) : null;
        }
        if (table == null || state.createdHere(table)) {
            return List.of();
        }
        String form = s.contains("SET", "TABLESPACE")
                ? "SET TABLESPACE"
                : s.contains("SET", "LOGGED")
                        ? "SET LOGGED"
                        : s.contains("SET", "UNLOGGED")
                                ? "SET UNLOGGED"
                                : s.contains("SET", "ACCESS", "METHOD") ? "SET ACCESS METHOD" : null;
        if (form == null) {
            return List.of();
        }
        return List.of(finding(
                s,
                form + " rewrites " + table + " under a lock that blocks reads and writes",
                "-- online, with pg_repack (e.g. for a tablespace move):\n-- pg_repack --table=" + table
                        + (form.equals("SET TABLESPACE") ? " --tablespace=<tablespace> --moveidx" : "")
                        + "\n-- or run it in a maintenance window with a lock_timeout:\nSET lock_timeout = '5s';\n"
                        + s.text() + ";"));
    }
}
