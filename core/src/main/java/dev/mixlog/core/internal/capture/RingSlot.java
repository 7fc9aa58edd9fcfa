package dev.mixlog.core.internal.capture;

/**
 * One ring-buffer slot: the captured log event, and the tag a replacement of the network gave the
 * logging thread ({@code null} outside tests), cleared as soon as the consumer has taken them.
 */
public final class RingSlot<S> {
    private S event;
    private Object tag;
    private long countedBytes;

    void set(S captured, Object threadTag, long bytes) {
        event = captured;
        tag = threadTag;
        countedBytes = bytes;
    }

    /** The tag; read before {@link #take()}. */
    Object tag() {
        return tag;
    }

    /** Returns the captured event and empties the slot, so the ring holds no reference to it. */
    S take() {
        S captured = event;
        event = null;
        tag = null;
        return captured;
    }

    /** The bytes this event counts against the buffer's byte bound (0 for small events). */
    long countedBytes() {
        return countedBytes;
    }
}
