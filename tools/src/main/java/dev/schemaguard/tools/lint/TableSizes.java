package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.sql.StatementShape;

import java.util.Locale;

/** Schema-aware severity: a lock or rewrite on a big table is an error, and every such finding says how big. */
final class TableSizes {

    private TableSizes() {}

    static Finding escalate(Finding f, StatementShape statement, MigrationState state, long bigTableRows) {
        if (f.lock() == LockMode.NONE && f.category() != Category.REWRITE) {
            return f;
        }
        String table = statement.targetTable();
        if (table == null || state.createdHere(table)) {
            return f;
        }
        return state.schema()
                .flatMap(s -> s.table(table))
                .filter(t -> t.rowEstimate() >= 0)
                .map(t -> {
                    Finding sized = f.withMessage(f.message() + " [" + t.name() + ": ~" + rows(t.rowEstimate())
                            + " rows, " + bytes(t.bytes()) + "]");
                    return t.rowEstimate() >= bigTableRows && f.severity() != Severity.ERROR
                            ? sized.withSeverity(Severity.ERROR)
                            : sized;
                })
                .orElse(f);
    }

    static String rows(long n) {
        return n >= 1_000_000
                ? String.format(Locale.ROOT, "%.1fM", n / 1e6)
                : n >= 1_000 ? String.format(Locale.ROOT, "%.1fk", n / 1e3) : Long.toString(n);
    }

    static String bytes(long n) {
        if (n < 0) {
            return "size unknown";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = n;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
