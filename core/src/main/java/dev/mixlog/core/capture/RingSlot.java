package dev.mixlog.core.capture;

/** One ring-buffer slot: the captured log event, cleared as soon as the consumer has taken it. */
public final class RingSlot {
    private Object event;

    void set(Object captured) {
        event = captured;
    }

    /** Returns the captured event and empties the slot, so the ring holds no reference to it. */
    public Object take() {
        Object captured = event;
        event = null;
        return captured;
    }
}
