package dev.schemaguard.policies.audit;

import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained audit log: every entry carries the SHA-256 of the one before it, so editing, deleting
 * or inserting an entry breaks the chain ({@link #verify()}). Kept in a file ({@link FileAuditLog}, the default) or in
 * PostgreSQL ({@link PostgresAuditLog}, for several server replicas). An entry that cannot be written stops the action
 * it records.
 */
public interface AuditLog {

    /** Appends one event; {@code fields} are data and are escaped as JSON, whatever they hold. */
    void append(String event, String actor, Map<String, ?> fields);

    Verification verify();

    /** Every entry, as JSON lines. */
    List<String> export();

    /** Where the log is kept, for messages. */
    String location();

    record Verification(boolean intact, long entries, List<String> problems) {}
}
