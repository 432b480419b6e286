package dev.schemaguard.tools.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session state that decides how the next statement's text is read, what it means and who runs it, read from
 * PostgreSQL itself. A migration may not change any of it: a statement is judged by what it changed (compared before
 * and after), however it was spelled ({@code SET "search_path"}, {@code set_config(…)} in a SELECT, a function that
 * sets it). Timeouts are the exception: set tighter than they were, they are what the linter asks people to write.
 */
public record SessionSettings(Map<String, String> values) {

    /** Settings that change how text is parsed or what it means, or bypass triggers and rules. */
    private static final List<String> PINNED = List.of(
            "standard_conforming_strings",
            "backslash_quote",
            "search_path",
            "session_replication_role",
            "client_encoding");
    /** Limits, in milliseconds (0 = none): a statement may lower them, never lift or raise them. */
    private static final List<String> TIMEOUTS = List.of(
            "statement_timeout",
            "lock_timeout",
            "idle_in_transaction_session_timeout",
            "transaction_timeout",
            "idle_session_timeout");

    private static final String QUERY = "SELECT name, setting FROM pg_catalog.pg_settings WHERE name = ANY (?) "
            + "UNION ALL SELECT 'current_user', pg_catalog.current_user()::text UNION ALL SELECT 'session_user', pg_catalog.session_user()::text";

    public static SessionSettings read(Connection c) throws SQLException {
        List<String> names = new ArrayList<>(PINNED);
        names.addAll(TIMEOUTS);
        Map<String, String> values = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return new SessionSettings(values);
    }

    /** @return what a statement changed that it may not, in words (one phrase per setting), or an empty list */
    public List<String> forbiddenChanges(SessionSettings after) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String name = e.getKey();
            String was = e.getValue();
            String now = after.values.get(name);
            if (now == null || now.equals(was)) {
                continue;
            }
            if (TIMEOUTS.contains(name)) {
                long before = Long.parseLong(was);
                long later = Long.parseLong(now);
                if (later != 0 && (before == 0 || later <= before)) {
                    continue; // tighter (or a limit where there was none): allowed
                }
                problems.add(name + " " + (later == 0 ? "lifted" : "raised") + " from " + millis(before) + " to "
                        + millis(later) + " (a statement may only set it tighter)");
            } else {
                problems.add(name + " changed from '" + was + "' to '" + now + "'");
            }
        }
        return problems;
    }

    private static String millis(long value) {
        return value == 0 ? "none" : value + " ms";
    }
}
