package dev.mixlog.core.internal.batch;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Gathers serialized events into batches for one destination and seals each one when it is due: by
 * event count, by body size (a batch is sealed before an event would push it past the limit), or by
 * time since its first event. Sealed batches wait here, in order, until the consumer takes them
 * ({@link #nextSealed()}, {@link #takeSealed()}). Owned by the consumer thread.
 */
public final class Batcher {
    private static final int INITIAL_BODY_BYTES = 64 * 1024;
    private final int maxEvents;
    private final int maxBytes;
    private final long flushIntervalNanos;
    private final Deque<Batch> sealed = new ArrayDeque<>();
    /** Reused for every batch, so its arrays grow once instead of once per batch. */
    private final Batch.Assembler assembler;
    private long openedAtNanos;

    public Batcher(int maxEvents, int maxBytes, long flushIntervalNanos) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.flushIntervalNanos = flushIntervalNanos;
        this.assembler = new Batch.Assembler(Math.min(INITIAL_BODY_BYTES, maxBytes), Math.min(maxEvents, 256));
    }

    /**
     * Adds one serialized event. Returns false, adding nothing, when the event alone is larger than
     * a batch may be.
     */
    public boolean add(byte[] bytes, int length, String name, String insertId, Object tag, long nowNanos) {
        if (length + 2 > maxBytes) {
            return false;
        }
        if (assembler.count() > 0 && assembler.sizeWith(length) > maxBytes) {
            flush();
        }
        if (assembler.count() == 0) {
            openedAtNanos = nowNanos;
        }
        assembler.add(bytes, 0, length, name, insertId, tag);
        if (assembler.count() >= maxEvents) {
            flush();
        }
        return true;
    }

    /** Seals the open batch if its flush interval has passed. */
    public void flushIfDue(long nowNanos) {
        if (assembler.count() > 0 && nowNanos - openedAtNanos >= flushIntervalNanos) {
            flush();
        }
    }

    /** Seals the open batch, if any. */
    public void flush() {
        if (assembler.count() > 0) {
            Batch batch = assembler.seal();
            assembler.reset();
            sealed.add(batch);
        }
    }

    /** The oldest sealed batch not yet taken, or {@code null}. */
    public Batch nextSealed() {
        return sealed.peek();
    }

    /** Removes the oldest sealed batch, once it is handed over (or counted as lost). */
    public Batch takeSealed() {
        return sealed.poll();
    }

    /** Whether a sealed batch waits to be taken. */
    public boolean hasSealed() {
        return !sealed.isEmpty();
    }

    /** Nanoseconds until the open batch is due, or {@link Long#MAX_VALUE} when none is open. */
    public long nanosUntilDue(long nowNanos) {
        return assembler.count() == 0 ? Long.MAX_VALUE : Math.max(0, openedAtNanos + flushIntervalNanos - nowNanos);
    }

    /** Events in the open batch and in the sealed batches not yet taken. */
    public int held() {
        int events = assembler.count();
        for (Batch batch : sealed) {
            events += batch.size();
        }
        return events;
    }

    /** Events in the open batch. */
    public int pending() {
        return assembler.count();
    }
}
