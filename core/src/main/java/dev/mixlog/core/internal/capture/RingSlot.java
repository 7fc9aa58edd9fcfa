package dev.mixlog.core.internal.capture;

/** One ring-buffer slot: the captured log event, cleared as soon as the consumer has taken it. */
public final class RingSlot<S> {
    private S event;
    private long countedBytes;

    void set(S captured, long bytes) {
        event = captured;
        countedBytes = bytes;
    }

    /** Returns the captured event and empties the slot, so the ring holds no reference to it. */
    S take() {
        S captured = event;
        event = null;
        return captured;
    }

    /** The bytes this event counts against the buffer's byte bound (0 for small events). */
    long countedBytes() {
        return countedBytes;
    }
}
