package dev.mixlog.core.internal.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file takes on the spool's disk: its length rounded up to the file system's block, so that
 * {@code spoolMaxBytes} bounds the disk used, not just the bytes written (16,384 one-event files of
 * 230 bytes each take 64 MiB of blocks of 4 KiB).
 */
final class DiskBlocks {
    /** The block assumed where the file system does not say: the common 4 KiB. */
    private static final long DEFAULT_BLOCK = 4096;

    private final long block;

    private DiskBlocks(long block) {
        this.block = block;
    }

    /** The blocks of the file system that holds the directory. */
    static DiskBlocks of(Path directory) {
        long block = DEFAULT_BLOCK;
        try {
            long reported = Files.getFileStore(directory).getBlockSize();
            if (reported > 0 && reported <= 1 << 20) {
                block = reported;
            }
        } catch (IOException | RuntimeException notSaid) {
            // UnsupportedOperationException on some file systems: assume the common block
        }
        return new DiskBlocks(block);
    }

    /** The disk a file of this length takes: whole blocks, at least one. */
    long allocated(long length) {
        long blocks = Math.max(1, (length + block - 1) / block);
        return blocks * block;
    }
}
