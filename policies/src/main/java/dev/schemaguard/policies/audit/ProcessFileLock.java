package dev.schemaguard.policies.audit;

import dev.schemaguard.tools.ToolException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Mutual exclusion on a lock file across processes (an OS file lock) and across threads of this process (a Java
 * lock per path — the OS lock is held per process, so two threads would otherwise both get it).
 */
public final class ProcessFileLock {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private ProcessFileLock() {}

    public static <T> T with(Path lockFile, Supplier<T> action) {
        ReentrantLock local =
                IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new ToolException("Cannot lock " + lockFile + ": " + e.getMessage());
        } finally {
            local.unlock();
        }
    }
}
