package dev.mixlog.core.internal.spool;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * The spool's files on disk: their names ({@code 00000000000000000042.batch}, the sequence
 * zero-padded so that names sort in the order written), and the few operations the spool makes on
 * them. Plain streams, not channels, for the files themselves: an interrupt must not close a file
 * under a sender.
 */
final class SpoolFiles {
    /** The suffix of a file that could not be read, renamed so that no later start reads it again. */
    static final String SET_ASIDE_SUFFIX = ".corrupt";
    /** A file being rewritten without its damaged records; a leftover one is deleted at start. */
    static final String REWRITE_SUFFIX = ".tmp";
    private static final Pattern BATCH_FILE = Pattern.compile("\\d{19}\\.batch");

    private SpoolFiles() {
    }

    /** The name of the batch file with this sequence. */
    static String name(long sequence) {
        return String.format("%019d.batch", sequence);
    }

    /** Whether the name is one the spool writes: 19 digits that make a sequence number, then {@code .batch}. */
    static boolean isBatchFile(String name) {
        if (!BATCH_FILE.matcher(name).matches()) {
            return false;
        }
        try {
            Long.parseLong(name.substring(0, name.indexOf('.')));
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** Whether the name is a leftover of a rewrite of a batch file. */
    static boolean isRewrite(String name) {
        return name.endsWith(REWRITE_SUFFIX) && isBatchFile(name.substring(0, name.length() - REWRITE_SUFFIX.length()));
    }

    static long sequence(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    /** Writes a new file (false, writing nothing, when the name is taken), syncs it and the directory. */
    static boolean writeNew(Path file, byte[] contents) throws IOException {
        if (!file.toFile().createNewFile()) {
            return false;
        }
        try {
            writeSynced(file, contents);
        } catch (IOException | RuntimeException | Error failed) {
            // a partial file must not be replayed at the next start: the batch goes on from memory
            deleteQuietly(file);
            throw failed;
        }
        return true;
    }

    /** Writes the file whole and syncs it, then the directory entry. */
    static void writeSynced(Path file, byte[] contents) throws IOException {
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            out.write(contents);
            out.getFD().sync();
        }
        syncDirectory(file.getParent());
    }

    /** Makes a directory entry durable too, where the platform allows it. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // some platforms cannot open or sync a directory; the file itself is synced
        }
    }

    static DataInputStream reader(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(new FileInputStream(file.toFile()), 64 * 1024));
    }

    /** Renames a file that cannot be read to {@code *.corrupt} (deletes it when that fails), so it is never read again. */
    static void setAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + SET_ASIDE_SUFFIX);
        try {
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                // a file set aside earlier under the same name (the sequence was renumbered): both are kept
                aside = file.resolveSibling(file.getFileName() + "." + System.currentTimeMillis() + SET_ASIDE_SUFFIX);
            }
            Files.move(file, aside);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException ignored) {
            // nothing more to do: a leftover partial file is cut off or set aside at the next start
        }
    }
}
