package dev.schemaguard.policies.classify;

import dev.schemaguard.tools.lint.LockMode;
import dev.schemaguard.tools.sql.StatementShape;

/**
 * The table lock a statement takes, by its kind, as PostgreSQL's documentation lists them ("Explicit Locking",
 * 13.3.1). Where a form is not listed here the strongest lock of its family is assumed: a guard errs on the side of
 * the lock that blocks more.
 */
final class StatementLocks {

    private StatementLocks() {}

    static LockMode of(StatementShape s) {
        boolean concurrently = s.contains("CONCURRENTLY");
        if (s.startsWith("ALTER", "TABLE")) {
            return alterTable(s);
        }
        if (s.startsWith("CREATE") && s.contains("INDEX")) {
            return concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE;
        }
        if (s.startsWith("DROP", "INDEX") || s.startsWith("REINDEX")) {
            return concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
        }
        if (s.startsWith("REFRESH")) {
            return concurrently ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
        }
        if (s.startsWith("CREATE", "TABLE")
                || s.startsWith("CREATE", "UNLOGGED")
                || s.startsWith("CREATE", "TEMP")
                || s.startsWith("CREATE", "TEMPORARY")) {
            return s.contains("REFERENCES") ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.NONE;
        }
        if (s.startsWith("CREATE", "TRIGGER")
                || s.startsWith("CREATE", "OR", "REPLACE", "TRIGGER")
                || s.startsWith("CREATE", "CONSTRAINT", "TRIGGER")) {
            return LockMode.SHARE_ROW_EXCLUSIVE;
        }
        if (s.startsWith("CREATE", "POLICY") || s.startsWith("ALTER", "POLICY") || s.startsWith("DROP", "POLICY")) {
            return LockMode.ACCESS_EXCLUSIVE;
        }
        if (s.startsWith("CREATE")) {
            return LockMode.NONE;
        }
        if (s.startsWith("DROP")
                || s.startsWith("TRUNCATE")
                || s.startsWith("CLUSTER")
                || s.startsWith("VACUUM", "FULL")
                || s.startsWith("ALTER", "VIEW")
                || s.startsWith("ALTER", "MATERIALIZED")
                || s.startsWith("ALTER", "SEQUENCE")
                || s.startsWith("LOCK")) {
            boolean dropsNoTable = s.startsWith("DROP", "TYPE")
                    || s.startsWith("DROP", "FUNCTION")
                    || s.startsWith("DROP", "SCHEMA")
                    || s.startsWith("DROP", "EXTENSION")
                    || s.startsWith("DROP", "PROCEDURE")
                    || s.startsWith("DROP", "DOMAIN");
            return dropsNoTable && !s.contains("CASCADE") ? LockMode.NONE : LockMode.ACCESS_EXCLUSIVE;
        }
        if (s.startsWith("ALTER", "INDEX")
                || s.startsWith("COMMENT")
                || s.startsWith("VACUUM")
                || s.startsWith("ANALYZE")) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if (s.startsWith("INSERT")
                || s.startsWith("UPDATE")
                || s.startsWith("DELETE")
                || s.startsWith("MERGE")
                || s.startsWith("COPY")) {
            return LockMode.ROW_EXCLUSIVE;
        }
        if (s.startsWith("SELECT") || s.startsWith("WITH") || s.startsWith("TABLE") || s.startsWith("VALUES")) {
            return LockMode.ACCESS_SHARE;
        }
        return LockMode.NONE;
    }

    private static LockMode alterTable(StatementShape s) {
        boolean onlyWeakForms = true;
        LockMode weak = LockMode.NONE;
        if (s.contains("VALIDATE", "CONSTRAINT")
                || s.contains("SET", "STATISTICS")
                || s.contains("CLUSTER", "ON")
                || s.contains("SET", "WITHOUT", "CLUSTER")
                || s.contains("ATTACH", "PARTITION")
                || (s.contains("DETACH", "PARTITION") && s.contains("CONCURRENTLY"))) {
            weak = LockMode.SHARE_UPDATE_EXCLUSIVE;
        } else if ((s.contains("FOREIGN", "KEY") || s.contains("REFERENCES")) && s.contains("ADD")
                || s.contains("ENABLE", "TRIGGER")
                || s.contains("DISABLE", "TRIGGER")) {
            weak = LockMode.SHARE_ROW_EXCLUSIVE;
        } else {
            onlyWeakForms = false;
        }
        // Several subcommands (commas outside parentheses) may mix weak and strong forms: assume the strong one.
        if (onlyWeakForms && !hasSeveralSubcommands(s)) {
            return weak;
        }
        return LockMode.ACCESS_EXCLUSIVE;
    }

    private static boolean hasSeveralSubcommands(StatementShape s) {
        int depth = 0;
        for (var t : s.tokens()) {
            switch (t.raw()) {
                case "(" -> depth++;
                case ")" -> depth--;
                case "," -> {
                    if (depth == 0) {
                        return true;
                    }
                }
                default -> {}
            }
        }
        return false;
    }
}
