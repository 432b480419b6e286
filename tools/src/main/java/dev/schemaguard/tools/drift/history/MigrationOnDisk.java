package dev.schemaguard.tools.drift.history;

import dev.schemaguard.tools.lint.input.MigrationUnit;

import java.util.List;

/**
 * One migration as its files hold it, under the key its tool records in its history table.
 *
 * @param key      the tool's identity for it: a Flyway version ({@code V1.2}) or repeatable ({@code R:views}), a
 *                 Liquibase {@code id::author::file}, a version number, a directory or change name
 * @param file     the file (or directory) it is read from
 * @param checksum the checksum its tool would record for it, where the tool keeps one; null otherwise
 * @param units    its forward SQL, in run order; empty for a migration written in code (Rails, Alembic)
 */
public record MigrationOnDisk(String key, String file, String checksum, List<MigrationUnit> units) {

    public boolean repeatable() {
        return key.startsWith("R:");
    }
}
