package dev.schemaguard.tools.drift.history;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.lint.input.HistoryKeys;
import dev.schemaguard.tools.lint.input.MigrationSources;
import dev.schemaguard.tools.lint.input.MigrationUnit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A migration tree read as its tool's history table sees it: one entry per migration, with its key and checksum.
 *
 * @param parents for Alembic, each revision's down revisions (a history table holds only the heads); empty otherwise
 */
public record MigrationsOnDisk(String tool, List<MigrationOnDisk> migrations, Map<String, List<String>> parents) {

    public MigrationsOnDisk(String tool, List<MigrationOnDisk> migrations) {
        this(tool, migrations, Map.of());
    }

    /** Whether the migrations are code (Rails, Alembic): they can be matched with the history, not replayed. */
    public boolean code() {
        return tool.equals("rails") || tool.equals("alembic");
    }

    /** Reads the tree in every layout lint reads, and Rails and Alembic trees (code: listed, not replayable). */
    public static MigrationsOnDisk read(List<String> paths) {
        MigrationsOnDisk code = CodeMigrations.readIfCode(paths);
        if (code != null) {
            return code;
        }
        return of(MigrationSources.read(paths, true));
    }

    public static MigrationsOnDisk of(List<MigrationUnit> units) {
        Map<String, List<MigrationUnit>> byKey = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        String tool = null;
        for (MigrationUnit unit : units) {
            if (unit.reverts() || unit.role().equals("undo")) {
                continue;
            }
            String key = HistoryKeys.of(unit).orElse(null);
            if (key == null) {
                throw new InputException(unit.file() + ": "
                        + (unit.tool().equals("plain")
                                ? "a plain SQL file, not a migration of a tool that keeps a history table (Flyway, Liquibase, "
                                        + "golang-migrate, dbmate, goose, Diesel, Prisma, sqitch)"
                                : "no identity its tool (" + unit.tool() + ") would record for it"));
            }
            if (tool != null && !tool.equals(unit.tool())) {
                throw new InputException(unit.file() + ": a " + unit.tool() + " migration among " + tool
                        + " ones; pass one tool's migrations");
            }
            tool = unit.tool();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(unit);
            fileOf.putIfAbsent(key, unit.file());
        }
        if (byKey.isEmpty()) {
            throw new InputException("no forward migrations found");
        }
        List<MigrationOnDisk> migrations = new ArrayList<>();
        for (Map.Entry<String, List<MigrationUnit>> e : byKey.entrySet()) {
            String file = fileOf.get(e.getKey());
            String checksum =
                    tool.equals("liquibase") ? liquibaseChecksum(e.getValue()) : checksum(tool, Path.of(file));
            migrations.add(new MigrationOnDisk(e.getKey(), file, checksum, List.copyOf(e.getValue())));
        }
        return new MigrationsOnDisk(tool, List.copyOf(migrations));
    }

    /** The checksum the tool records, computed as the tool computes it; null where it keeps none we reproduce. */
    static String checksum(String tool, Path file) {
        return switch (tool) {
            case "flyway" -> Integer.toString(flywayChecksum(bytes(file)));
            case "prisma" -> digest("SHA-256", bytes(file));
            case "sqitch" -> digest("SHA-1", bytes(file));
            default -> null;
        };
    }

    /**
     * Liquibase's (checksum version 9) for a formatted-SQL changeset, its one SQL change: {@code 9:} and the MD5 of
     * {@code 9:<md5 of the SQL without spaces, tabs and line breaks>:}. Changesets of other changes are hashed from
     * Liquibase's serialisation of them: null, not compared.
     */
    static String liquibaseChecksum(List<MigrationUnit> units) {
        if (units.size() != 1
                || !units.get(0).file().endsWith(".sql")
                || units.get(0).changeSet() == null
                || units.get(0).changeSet().startsWith("raw::")) {
            return null;
        }
        String change =
                digest("MD5", units.get(0).sql().replaceAll("[ \t\r\n]", "").getBytes(StandardCharsets.UTF_8));
        return "9:" + digest("MD5", ("9:" + change + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Flyway's: CRC32 over the file's lines without their line breaks, a byte-order mark left out, as a signed int. */
    static int flywayChecksum(byte[] content) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(new String(content, StandardCharsets.UTF_8)))) {
            boolean first = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (int) crc.getValue();
    }

    private static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(dev.schemaguard.tools.ReadConfinement.check(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
