package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;
import dev.schemaguard.tools.sql.StatementShape;

import java.util.List;

/** Which statements PostgreSQL refuses inside a transaction block (it says "cannot run inside a transaction block"). */
public final class TransactionBlocks {

    private TransactionBlocks() {}

    public static boolean canRunInTransaction(SqlStatement statement) {
        StatementShape l = StatementShape.of(statement);
        boolean concurrently = l.contains("CONCURRENTLY")
                && (l.startsWith("CREATE")
                        || l.startsWith("DROP", "INDEX")
                        || l.startsWith("REINDEX")
                        || l.startsWith("ALTER", "TABLE"));
        return !(concurrently
                || l.startsWith("VACUUM")
                || l.startsWith("CREATE", "DATABASE")
                || l.startsWith("DROP", "DATABASE")
                || l.startsWith("CREATE", "TABLESPACE")
                || l.startsWith("DROP", "TABLESPACE")
                || l.startsWith("ALTER", "SYSTEM"));
    }

    /**
     * A migration made only of such statements (a lone {@code CREATE INDEX CONCURRENTLY}): every common tool runs it
     * outside a transaction — Flyway detects it, golang-migrate never wraps — so it is not judged as if wrapped.
     */
    public static boolean onlyOutsideTransactions(String sql) {
        List<SqlStatement> statements = SqlSplitter.split(sql, "migration.sql").stream()
                .filter(s -> s.kind() == SqlStatement.Kind.SQL)
                .toList();
        return !statements.isEmpty() && statements.stream().noneMatch(TransactionBlocks::canRunInTransaction);
    }
}
