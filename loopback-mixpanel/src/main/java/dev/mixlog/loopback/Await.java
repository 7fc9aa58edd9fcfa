package dev.mixlog.loopback;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on a condition instead of sleeping a fixed time; generous bounds keep busy CI machines green. */
public final class Await {
    /** The default bound: far above what any condition needs on an idle machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(BooleanSupplier condition, String what) {
        until(DEFAULT, condition, () -> what);
    }

    public static void until(Duration bound, BooleanSupplier condition, Supplier<String> what) {
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
