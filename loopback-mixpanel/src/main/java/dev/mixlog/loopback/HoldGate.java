package dev.mixlog.loopback;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a test server hold requests unanswered (a hanging Mixpanel) until the test releases them. */
final class HoldGate {
    /** Far longer than any test waits; a forgotten hold cannot keep a server thread forever. */
    private static final long MAX_HOLD_MINUTES = 5;
    private volatile CountDownLatch closed;

    /** Holds every request that arrives from now on. */
    void hold() {
        closed = new CountDownLatch(1);
    }

    /** Lets held and later requests through. */
    void release() {
        CountDownLatch gate = closed;
        closed = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Called by a request: waits while the gate holds. */
    void pass() throws InterruptedException {
        CountDownLatch gate = closed;
        if (gate != null) {
            gate.await(MAX_HOLD_MINUTES, TimeUnit.MINUTES);
        }
    }

    /** As {@link #pass()}; an interrupt ends the wait and stays set. */
    void passQuietly() {
        try {
            pass();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
