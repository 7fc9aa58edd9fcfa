package dev.mixlog.core.internal.spool;

import dev.mixlog.core.internal.diag.SafeStatus;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per spool directory: an exclusive lock on {@code mixlog.lock} inside it, held from
 * start to stop. The operating system lets it go when the process dies, however it dies. Within
 * one JVM the directories in use are also kept in a set, checked before the lock file is opened:
 * on Linux, closing any channel to a locked file lets go of the process's lock on it.
 */
final class SpoolLock {
    static final String FILE_NAME = "mixlog.lock";
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private SpoolLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** The directory, made if missing (readable by its owner alone, where the file system has permissions). */
    static Path directory(String configured) throws IOException {
        Path directory = Paths.get(configured).toAbsolutePath();
        if (!Files.isDirectory(directory)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
        return directory;
    }

    /** Takes the directory's lock; {@code null}, reported, when another appender or process holds it or it cannot be made. */
    static SpoolLock take(Path directory, SpoolReports reports) {
        Path key;
        try {
            key = directory.toRealPath();
        } catch (IOException | RuntimeException e) {
            reports.unusable("cannot resolve it: " + SafeStatus.describe(e));
            return null;
        }
        if (!HELD_IN_THIS_JVM.add(key)) {
            reports.locked("another appender in this JVM uses it");
            return null;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new SpoolLock(key, channel, lock);
            }
            reports.locked("another process holds its lock");
        } catch (OverlappingFileLockException e) {
            reports.locked("another appender in this JVM uses it");
        } catch (IOException | RuntimeException e) {
            reports.unusable("cannot take its lock: " + SafeStatus.describe(e));
        }
        close(channel);
        HELD_IN_THIS_JVM.remove(key);
        return null;
    }

    void release() {
        try {
            lock.release();
        } catch (IOException | RuntimeException ignored) {
            // closing the channel lets it go as well
        }
        close(channel);
        HELD_IN_THIS_JVM.remove(directory);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held any more
            }
        }
    }
}
