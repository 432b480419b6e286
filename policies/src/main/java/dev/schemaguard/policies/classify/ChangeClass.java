package dev.schemaguard.policies.classify;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The classes of change a policy decides on. A statement usually has several (a DROP COLUMN is ddl, destructive,
 * data-loss and backward-incompatible). They come from the statement's kind and from the lint findings on it.
 */
public enum ChangeClass {
    /** Any schema change: CREATE, ALTER, DROP, COMMENT, RENAME … */
    DDL,
    /** INSERT, UPDATE, DELETE, MERGE, COPY FROM: rows written by the migration. */
    DML,
    /** Removes something: DROP of any object, TRUNCATE, DELETE, ALTER TABLE … DROP. */
    DESTRUCTIVE,
    /** Loses data for good (a lint finding in the data-loss category: dropped table or column, TRUNCATE, narrowing). */
    DATA_LOSS,
    /** Takes a lock that blocks writes or reads (compared with a policy's threshold). */
    LOCKING,
    /** Rewrites a table or index (compared with a policy's size threshold). */
    REWRITE,
    /** Breaks code that is running against the old schema (renames, drops, type changes …). */
    BACKWARD_INCOMPATIBLE,
    /** GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, CREATE/ALTER/DROP ROLE or USER, ownership changes, RLS changes. */
    PRIVILEGE,
    /**
     * Code whose effect is not known before it runs: DO blocks, CALL, functions called from a SELECT. Treated as
     * able to do anything.
     */
    OPAQUE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChangeClass fromId(String id) {
        for (ChangeClass c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ChangeClass::id).toList();
    }
}
