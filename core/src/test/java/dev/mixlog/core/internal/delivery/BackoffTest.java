package dev.mixlog.core.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Full-jitter backoff: delays within (0, ceiling], the ceiling doubling up to the maximum and staying there. */
class BackoffTest {
    @Test
    void delaysStayWithinTheDoublingCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int attempt = 0; attempt < 100; attempt++) {
            long ceiling = Math.min(100L << Math.min(attempt, 20), 1000);
            Duration delay = backoff.next();
            assertTrue(!delay.isNegative() && !delay.isZero() && delay.toMillis() <= ceiling, attempt + ": " + delay);
        }
    }

    @Test
    void aLongInitialDelayDoublingPastTheRangeOfLongStaysAtTheMaximum() {
        // 2^34 + 1 ns shifted by 30 used to wrap around to about one second
        Duration initial = Duration.ofNanos((1L << 34) + 1);
        Duration max = Duration.ofHours(1);
        long longest = 0;
        for (int run = 0; run < 50; run++) {
            Backoff backoff = new Backoff(initial, max);
            for (int attempt = 0; attempt < 40; attempt++) {
                Duration delay = backoff.next();
                assertTrue(delay.compareTo(max) <= 0, delay::toString);
                if (attempt >= 30) {
                    longest = Math.max(longest, delay.toMillis());
                }
            }
        }
        assertTrue(longest > Duration.ofMinutes(1).toMillis(), "late delays drawn up to an hour, longest " + longest + " ms");
    }
}
