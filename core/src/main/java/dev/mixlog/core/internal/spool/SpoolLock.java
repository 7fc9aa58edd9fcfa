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
import java.util.Properties;

/**
 * One writer per spool directory: an exclusive lock on {@code mixlog.lock} inside it, held from
 * start to stop. The operating system lets it go when the process dies, however it dies. Within
 * one JVM the directories in use are also marked in the system properties, which every class
 * loader shares (two web applications each with a copy of Mixlog), and checked before the lock file
 * is opened: on Linux, closing any channel to a locked file lets go of the process's lock on it.
 */
final class SpoolLock {
    static final String FILE_NAME = "mixlog.lock";
    private static final String HELD_PREFIX = "dev.mixlog.spool.held:";

    /** The directory is held by another appender of this JVM, possibly one still stopping. */
    static final class HeldInThisJvm extends IOException {
        HeldInThisJvm(String why) {
            super(why);
        }
    }

    /** The directory is held by another process. */
    static final class HeldElsewhere extends IOException {
        HeldElsewhere() {
            super("another process holds its lock");
        }
    }

    private final String key;
    private final String holder;
    private final FileChannel channel;
    private final FileLock lock;

    private SpoolLock(String key, String holder, FileChannel channel, FileLock lock) {
        this.key = key;
        this.holder = holder;
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
        return directory.toRealPath();
    }

    /**
     * Takes the directory's lock for the appender named.
     *
     * @throws HeldInThisJvm when another appender of this JVM holds it
     * @throws HeldElsewhere when another process holds it
     * @throws IOException when the lock file cannot be made or locked
     */
    static SpoolLock take(Path directory, String appenderName) throws IOException {
        String key = HELD_PREFIX + directory;
        String holder = appenderName + " (" + Integer.toHexString(System.identityHashCode(new Object())) + ")";
        Properties jvmWide = System.getProperties();
        Object current = jvmWide.putIfAbsent(key, holder);
        if (current != null) {
            String holderName = String.valueOf(current).replaceFirst(" \\(.*\\)$", "");
            throw new HeldInThisJvm("appender " + holderName + " in this JVM uses it");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new HeldElsewhere();
            }
            return new SpoolLock(key, holder, channel, lock);
        } catch (OverlappingFileLockException e) {
            close(channel);
            jvmWide.remove(key, holder);
            throw new HeldInThisJvm("another appender in this JVM uses it");
        } catch (IOException | RuntimeException | Error e) {
            close(channel);
            jvmWide.remove(key, holder);
            throw e;
        }
    }

    void release() {
        try {
            lock.release();
        } catch (IOException | RuntimeException ignored) {
            // closing the channel lets it go as well
        }
        close(channel);
        System.getProperties().remove(key, holder);
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

    /** What a failure to open says: the exception's own words, or its class and message. */
    static String describe(IOException e) {
        return e instanceof HeldInThisJvm || e instanceof HeldElsewhere ? e.getMessage() : SafeStatus.describe(e);
    }
}
