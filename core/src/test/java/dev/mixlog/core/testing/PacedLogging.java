package dev.mixlog.core.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * An application thread that logs numbered events at a steady pace until stopped, some ten thousand
 * a second (a pause of 50 µs after each), while a test reconfigures or stops logging underneath it.
 */
public final class PacedLogging implements AutoCloseable {
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong logged = new AtomicLong();
    private final Thread thread;

    private PacedLogging(LongConsumer logOne) {
        thread = new Thread(() -> {
            while (running.get()) {
                logOne.accept(logged.incrementAndGet());
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }, "application");
        thread.start();
    }

    /** Starts logging: {@code logOne} logs the event with the given sequence number (from 1). */
    public static PacedLogging start(LongConsumer logOne) {
        return new PacedLogging(logOne);
    }

    /** Stops logging and returns how many events were logged. */
    public long stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return logged.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
