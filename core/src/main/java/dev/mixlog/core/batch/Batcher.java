package dev.mixlog.core.batch;

import java.util.function.Consumer;

/**
 * Gathers serialized events into batches and hands each one on when it is due: by event count, by
 * body size (a batch is sealed before an event would push it past the limit), or by time since its
 * first event. Owned by the consumer thread.
 */
public final class Batcher {
    private static final int INITIAL_BODY_BYTES = 64 * 1024;
    private final int maxEvents;
    private final int maxBytes;
    private final long flushIntervalNanos;
    private final Consumer<Batch> onSealed;
    private Batch.Assembler open;
    private long openedAtNanos;

    public Batcher(int maxEvents, int maxBytes, long flushIntervalNanos, Consumer<Batch> onSealed) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.flushIntervalNanos = flushIntervalNanos;
        this.onSealed = onSealed;
    }

    /**
     * Adds one serialized event. Returns false, adding nothing, when the event alone is larger than
     * a batch may be.
     */
    public boolean add(byte[] bytes, int length, String name, String insertId, long nowNanos) {
        if (length + 2 > maxBytes) {
            return false;
        }
        if (open != null && open.sizeWith(length) > maxBytes) {
            flush();
        }
        if (open == null) {
            open = new Batch.Assembler(Math.min(INITIAL_BODY_BYTES, maxBytes), Math.min(maxEvents, 256));
            openedAtNanos = nowNanos;
        }
        open.add(bytes, 0, length, name, insertId);
        if (open.count() >= maxEvents) {
            flush();
        }
        return true;
    }

    /** Seals and hands on the open batch if its flush interval has passed. */
    public void flushIfDue(long nowNanos) {
        if (open != null && nowNanos - openedAtNanos >= flushIntervalNanos) {
            flush();
        }
    }

    /** Seals and hands on the open batch, if any. */
    public void flush() {
        if (open != null) {
            Batch sealed = open.seal();
            open = null;
            onSealed.accept(sealed);
        }
    }

    /** Nanoseconds until the open batch is due, or {@link Long#MAX_VALUE} when none is open. */
    public long nanosUntilDue(long nowNanos) {
        return open == null ? Long.MAX_VALUE : Math.max(0, openedAtNanos + flushIntervalNanos - nowNanos);
    }

    /** Events in the open batch. */
    public int pending() {
        return open == null ? 0 : open.count();
    }
}
