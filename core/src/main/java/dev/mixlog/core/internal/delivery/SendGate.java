package dev.mixlog.core.internal.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Holds every sender back while Mixpanel has asked the project to slow down (429). */
final class SendGate {
    private final AtomicLong openAtNanos = new AtomicLong(System.nanoTime());

    /** Keeps the gate closed for at least this long from now. */
    void pauseFor(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        openAtNanos.accumulateAndGet(until, (current, proposed) -> proposed - current > 0 ? proposed : current);
    }

    /**
     * Waits until the gate is open.
     *
     * @return the nanoseconds spent waiting: time the server asked for, which does not count against
     *         a batch's retry budget
     */
    long awaitOpen() throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long wait = openAtNanos.get() - now;
            if (wait <= 0) {
                return now - started;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
