package dev.mixlog.core.internal.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th delay is drawn uniformly from (0, min(max, initial * 2^n)].
 * One instance per batch being retried.
 */
final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private int attempt;

    Backoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
    }

    Duration next() {
        long ceiling = attempt < Long.numberOfLeadingZeros(initialNanos) - 1 ? initialNanos << attempt : maxNanos;
        if (ceiling <= 0 || ceiling > maxNanos) {
            ceiling = maxNanos;
        }
        attempt = Math.min(attempt + 1, Long.SIZE);
        return Duration.ofNanos(1 + ThreadLocalRandom.current().nextLong(ceiling));
    }
}
