package dev.mixlog.benchmarks.endtoend;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the logging thread from overrunning Mixlog's ring: before every 256th call, waits while the
 * events logged but not yet taken by the consumer (read from the appender's counters) are at the
 * limit. Without counters (other appenders), it never waits.
 */
final class Backlog {
    private static final long PAUSE_NANOS = 50_000;
    private final MixlogStats stats;
    private final long limit;
    private long logged;

    /** @param stats Mixlog's counters, or {@code null} for no pacing */
    Backlog(MixlogStats stats, long limit) {
        this.stats = stats;
        this.limit = limit;
    }

    /** Called before each logging call. */
    void beforeCall() {
        if (stats != null && (logged & 255) == 0) {
            while (logged - stats.captured() - stats.dropped(DropReason.RING_FULL) >= limit) {
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }
        logged++;
    }
}
