package dev.mixlog.benchmarks.latency;

import dev.mixlog.benchmarks.PurchaseCall;
import java.util.function.IntConsumer;
import org.slf4j.Logger;

/**
 * Makes calls on a fixed schedule from the current thread: the i-th call is due at
 * {@code start + i * interval}; the thread spins until then (a park cannot wake within the 50 us
 * of 20,000 calls/s), and a call that runs late makes the next ones due at once, so the rate holds.
 */
final class PacedCaller {
    private final Logger logger;
    private final PurchaseCall call;
    private final long intervalNanos;

    PacedCaller(Logger logger, PurchaseCall call, long callsPerSecond) {
        this.logger = logger;
        this.call = call;
        this.intervalNanos = 1_000_000_000L / callsPerSecond;
    }

    /**
     * Makes {@code count} calls; when {@code latencies} is not null, stores each call's duration in
     * nanoseconds. Returns the nanoseconds the calls took from first due time to last return.
     */
    long run(int count, long[] latencies) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            awaitDue(start, i);
            long before = System.nanoTime();
            call.log(logger);
            long after = System.nanoTime();
            if (latencies != null) {
                latencies[i] = after - before;
            }
        }
        return System.nanoTime() - start;
    }

    /**
     * Makes {@code count} calls in one loop, and after every {@code tickEvery} calls gives
     * {@code tick} the number made so far. A measurement that starts and ends in a tick leaves the
     * loop running: a compiled loop that returns is compiled again at its next start, and that
     * compilation would be counted in the measurement. The ticks run from the first calls on, so
     * the branch that makes them is not new to the compiled loop either.
     */
    void run(int count, int tickEvery, IntConsumer tick) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            awaitDue(start, i);
            call.log(logger);
            if ((i + 1) % tickEvery == 0) {
                tick.accept(i + 1);
            }
        }
    }

    /** Spins until the {@code i}-th call of a schedule that started at {@code start} is due. */
    private void awaitDue(long start, int i) {
        long due = start + i * intervalNanos;
        while (System.nanoTime() - due < 0) {
            Thread.onSpinWait();
        }
    }
}
