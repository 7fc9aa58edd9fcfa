package dev.mixlog.loopback;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on a condition of the server, never a fixed time; the bounds are generous for busy machines. */
final class Waits {
    /** Far above what any condition needs on an idle machine. */
    static final Duration DEFAULT = Duration.ofSeconds(30);

    private Waits() {
    }

    static void until(Duration bound, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + bound + " waiting for: " + what.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what.get());
            }
        }
    }

    /** A short pause between two tries of something that cannot be waited on (a port still in use). */
    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
