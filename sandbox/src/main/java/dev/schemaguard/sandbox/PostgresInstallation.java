package dev.schemaguard.sandbox;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL binaries of a {@link PostgresBinaries.Choice}, unpacked once per machine into
 * {@code <tmp>/schemaguard-postgres-<user>/<digest>} ({@code bin/}, {@code lib/}, {@code share/}). The directory is used
 * only when this user owns it and nobody else can write to it: binaries someone else could have put there would run
 * with the server's rights.
 */
final class PostgresInstallation {

    private static final Map<PostgresBinaries.Choice, Path> UNPACKED = new ConcurrentHashMap<>();

    private PostgresInstallation() {}

    /** The directory holding {@code bin/initdb} and {@code bin/postgres} for {@code binaries}. */
    static Path of(PostgresBinaries.Choice binaries) {
        return UNPACKED.computeIfAbsent(binaries, PostgresInstallation::unpack);
    }

    private static Path unpack(PostgresBinaries.Choice binaries) {
        try {
            byte[] archive;
            try (InputStream in =
                    binaries.resolver().getPgBinary(PostgresBinaries.system(), PostgresBinaries.hardware())) {
                if (in == null) {
                    throw new IOException("no PostgreSQL binaries for " + PostgresBinaries.platform());
                }
                archive = in.readAllBytes();
            }
            Path cache = ownedDirectory(Path.of(
                    System.getProperty("java.io.tmpdir"), "schemaguard-postgres-" + System.getProperty("user.name")));
            Path target = cache.resolve(digest(archive));
            if (Files.isRegularFile(target.resolve(".complete"))) {
                return target;
            }
            Path partial = Files.createTempDirectory(cache, "unpacking-");
            extract(archive, partial);
            Files.createFile(partial.resolve(".complete"));
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException
                    | AtomicMoveNotSupportedException
                    | java.nio.file.DirectoryNotEmptyException another) {
                EmbeddedPostgresServer.deleteRecursively(partial); // another process unpacked the same archive first
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("the PostgreSQL binaries could not be unpacked: " + e.getMessage(), e);
        }
    }

    /** {@code dir}, made private to this user if new; refused if another user owns it or may write to it. */
    private static Path ownedDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            try {
                Files.createDirectory(dir);
                Files.setPosixFilePermissions(
                        dir,
                        EnumSet.of(
                                PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE,
                                PosixFilePermission.OWNER_EXECUTE,
                                PosixFilePermission.GROUP_READ,
                                PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_READ,
                                PosixFilePermission.OTHERS_EXECUTE));
            } catch (FileAlreadyExistsException raced) {
                // made by a parallel start: checked below like any existing directory
            }
        }
        String owner =
                Files.getOwner(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName();
        Set<PosixFilePermission> permissions =
                Files.getPosixFilePermissions(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || !owner.equals(System.getProperty("user.name"))
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(dir + " is not a directory that only " + System.getProperty("user.name")
                    + " owns and may write to (owner " + owner + ", "
                    + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                    + "); remove it, or set java.io.tmpdir to a private directory");
        }
        return dir;
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void extract(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("the archive names a path outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                } else {
                    throw new IOException("the archive holds an entry of an unexpected kind: " + entry.getName());
                }
            }
        }
    }

    /** The archive's mode bits, readable by everyone (the confined server runs as another user), never writable by others. */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            permissions.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }
}
