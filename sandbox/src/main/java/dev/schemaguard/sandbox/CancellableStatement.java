package dev.schemaguard.sandbox;

import dev.schemaguard.tools.Cancellation;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a migration's statement in a sandbox so that the call it works for can stop it: when the caller cancels or goes
 * away, PostgreSQL is asked to cancel the statement (a statement that sleeps or loops would otherwise hold the call and
 * a sandbox to the end), and the work ends with {@link Cancellation.Cancelled}, not with the statement's failure.
 */
public final class CancellableStatement {

    private CancellableStatement() {}

    /** {@link Statement#execute(String)}, for the call in progress on this thread ({@link Cancellation#current()}). */
    public static boolean execute(Statement statement, String sql) throws SQLException {
        Cancellation call = Cancellation.current();
        call.throwIfCancelled();
        try (Cancellation.Registration ignored = call.onCancel(() -> cancel(statement))) {
            return statement.execute(sql);
        } catch (SQLException e) {
            call.throwIfCancelled(); // stopped by the cancellation: that is the outcome, not the statement's error
            throw e;
        }
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // the statement has finished or its connection is gone: nothing left to stop
        }
    }
}
