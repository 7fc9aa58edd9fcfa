package dev.mixlog.core.internal;

import dev.mixlog.core.StatusSink;

/**
 * The consumer thread's warnings about its own failures, at most one per report interval: a failure
 * that repeats for every event (a value whose {@code toString()} always throws) cannot flood the
 * framework's status channel. Owned by the consumer thread.
 */
final class ConsumerWarnings {
    private final StatusSink status;
    private final long intervalNanos;
    private long lastWarningNanos = Long.MIN_VALUE / 2;

    ConsumerWarnings(StatusSink status, long intervalNanos) {
        this.status = status;
        this.intervalNanos = intervalNanos;
    }

    /** Passes the warning on, unless one was passed on within the interval. */
    void warn(String message) {
        long now = System.nanoTime();
        if (now - lastWarningNanos >= intervalNanos) {
            lastWarningNanos = now;
            status.warn(message);
        }
    }
}
