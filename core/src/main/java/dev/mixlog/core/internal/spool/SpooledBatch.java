package dev.mixlog.core.internal.spool;

import dev.mixlog.core.internal.RecordKind;
import dev.mixlog.core.internal.batch.Batch;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * One batch file in the spool: where it is, what it holds, what it takes on disk, and, for a batch
 * written moments ago and handed to a sender soon, the batch itself, so the sender need not read it back.
 */
public final class SpooledBatch {
    private final Path file;
    private final RecordKind kind;
    private volatile int events;
    private volatile long length;
    private volatile long diskBytes;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private Batch inMemory;

    SpooledBatch(Path file, RecordKind kind, int events, long length, long diskBytes, Batch inMemory) {
        this.file = file;
        this.kind = kind;
        this.events = events;
        this.length = length;
        this.diskBytes = diskBytes;
        this.inMemory = inMemory;
    }

    Path file() {
        return file;
    }

    public RecordKind kind() {
        return kind;
    }

    /** The events in the file. */
    public int events() {
        return events;
    }

    /** The file's length: about the bytes its events add to a request body. */
    long length() {
        return length;
    }

    /** The disk the file takes, in whole blocks: what {@code spoolMaxBytes} bounds. */
    long diskBytes() {
        return diskBytes;
    }

    /** Completes once the batch is settled here (delivered, refused, counted as lost), or kept for the next start. */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    /** After its file was rewritten with its intact records alone. */
    void resized(long newLength, long newDiskBytes, int newEvents) {
        length = newLength;
        diskBytes = newDiskBytes;
        events = newEvents;
    }

    /** The batch kept in memory, once: later calls (and batches not kept) get {@code null}. */
    synchronized Batch takeInMemory() {
        Batch batch = inMemory;
        inMemory = null;
        return batch;
    }

    @Override
    public String toString() {
        return file.getFileName() + "[" + kind + ", " + events + " events, " + length + " bytes]";
    }
}
