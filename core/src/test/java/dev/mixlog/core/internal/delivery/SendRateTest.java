package dev.mixlog.core.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rate's rules that hold whatever the timing; the controller at work is {@code RateControlTest}'s. */
class SendRateTest {
    @Test
    void unlimitedUntilAskedToSlowDownThenOneDropPerRound() throws InterruptedException {
        SendRate rate = new SendRate(true, () -> 0);
        long before = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            assertEquals(0, rate.awaitTurn(100), "unlimited: no request waits");
        }
        assertEquals(Integer.MAX_VALUE, rate.eventsPerTurn());

        rate.slowDown(System.nanoTime());
        double first = rate.limit();
        assertTrue(first > 0, "limited after a 429");
        assertEquals((int) first, rate.eventsPerTurn(), "a second's worth per request");
        // answers to requests sent before the drop belong to the same round
        rate.slowDown(before);
        assertEquals(first, rate.limit());
        rate.slowDown(System.nanoTime());
        assertTrue(rate.limit() < first, "a request sent after the drop, refused: the next round drops again");
        assertTrue(rate.limitedNanos() > 0);
    }

    @Test
    void withoutRateControlNothingIsLimited() throws InterruptedException {
        SendRate rate = new SendRate(false, () -> 0);
        rate.awaitTurn(100);
        rate.slowDown(System.nanoTime());
        assertEquals(0, rate.limit());
        assertEquals(Integer.MAX_VALUE, rate.eventsPerTurn());
        assertEquals(0, rate.limitedNanos());
    }
}
