package dev.schemaguard.policies.query;

import dev.schemaguard.tools.config.EnvironmentConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reader check's answer per environment, kept for a minute: the check reads every table's privileges (tens of
 * milliseconds on a large schema), while a role's rights change rarely; a reader found wrong is checked again each time.
 */
final class VerifiedReaders {

    private static final long KEEP_NANOS = 60_000_000_000L;

    private record Verified(String user, long atNanos) {}

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    List<String> problems(EnvironmentConfig env, Connection asReader) throws SQLException {
        Verified last = verified.get(env.name());
        if (last != null
                && last.user().equals(env.reader().user())
                && System.nanoTime() - last.atNanos() < KEEP_NANOS) {
            return List.of();
        }
        String migrationUser = env.user() != null ? env.user() : System.getProperty("user.name");
        List<String> problems = ReaderRoleCheck.problems(asReader, migrationUser);
        if (problems.isEmpty()) {
            verified.put(env.name(), new Verified(env.reader().user(), System.nanoTime()));
        } else {
            verified.remove(env.name());
        }
        return problems;
    }
}
