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
    /** Reused for every batch, so its arrays grow once instead of once per batch. */
    private final Batch.Assembler assembler;
    private long openedAtNanos;

    public Batcher(int maxEvents, int maxBytes, long flushIntervalNanos, Consumer<Batch> onSealed) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.flushIntervalNanos = flushIntervalNanos;
        this.onSealed = onSealed;
        this.assembler = new Batch.Assembler(Math.min(INITIAL_BODY_BYTES, maxBytes), Math.min(maxEvents, 256));
    }

    /**
     * Adds one serialized event. Returns false, adding nothing, when the event alone is larger than
     * a batch may be.
     */
    public boolean add(byte[] bytes, int length, String name, String insertId, long nowNanos) {
        if (length + 2 > maxBytes) {
            return false;
        }
        if (assembler.count() > 0 && assembler.sizeWith(length) > maxBytes) {
            flush();
        }
        if (assembler.count() == 0) {
            openedAtNanos = nowNanos;
        }
        assembler.add(bytes, 0, length, name, insertId);
        if (assembler.count() >= maxEvents) {
            flush();
        }
        return true;
    }

    /** Seals and hands on the open batch if its flush interval has passed. */
    public void flushIfDue(long nowNanos) {
        if (assembler.count() > 0 && nowNanos - openedAtNanos >= flushIntervalNanos) {
            flush();
        }
    }

    /** Seals and hands on the open batch, if any. */
    public void flush() {
        if (assembler.count() > 0) {
            Batch sealed = assembler.seal();
            assembler.reset();
            onSealed.accept(sealed);
        }
    }

    /** Nanoseconds until the open batch is due, or {@link Long#MAX_VALUE} when none is open. */
    public long nanosUntilDue(long nowNanos) {
        return assembler.count() == 0 ? Long.MAX_VALUE : Math.max(0, openedAtNanos + flushIntervalNanos - nowNanos);
    }

    /** Events in the open batch. */
    public int pending() {
        return assembler.count();
    }
}
