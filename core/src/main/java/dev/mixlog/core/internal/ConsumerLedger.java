package dev.mixlog.core.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Which side counts each event the ring accepted, so that every event is counted once even when the
 * consumer thread is stuck for good (a logged value whose {@code toString()} never returns) and the
 * stop must abandon it. The consumer claims the events it counts itself, a batch (or a dropped
 * event) at a time, just before it hands them over or counts them; the stop closes the ledger once
 * the consumer has ended or been abandoned, and counts every accepted event the consumer did not
 * claim. After that no claim succeeds: an abandoned consumer that comes back counts nothing.
 */
final class ConsumerLedger {
    private static final long CLOSED = Long.MIN_VALUE;

    private final AtomicLong claimed = new AtomicLong();

    /** Claims events for the consumer to count; false once the ledger is closed (the stop counted them). */
    boolean claim(long events) {
        long current = claimed.get();
        // the consumer is the only thread that claims: the exchange fails only when the stop closed the ledger
        return current != CLOSED && claimed.compareAndSet(current, current + events);
    }

    /** Whether the stop has closed the ledger: the consumer is abandoned and counts nothing more. */
    boolean closed() {
        return claimed.get() == CLOSED;
    }

    /** Closes the ledger; returns the events the consumer claimed. */
    long close() {
        long last = claimed.getAndSet(CLOSED);
        return last == CLOSED ? 0 : last;
    }
}
