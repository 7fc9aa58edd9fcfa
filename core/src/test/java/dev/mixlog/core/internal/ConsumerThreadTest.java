package dev.mixlog.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.StatusSink;
import dev.mixlog.core.internal.capture.Intake;
import dev.mixlog.loopback.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A consumer thread that dies for good (its loop lets an {@code Error} escape) is reported at ERROR
 * and replaced on the next capture check, at most once a second; a stop joins the replacement.
 */
class ConsumerThreadTest {
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final StatusSink status = new StatusSink() {
        @Override public void info(String message) { }
        @Override public void warn(String message) { }
        @Override public void error(String message) { errors.add(message); }
    };

    @Test
    void aThreadThatDiesIsReportedAndReplaced() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<String> threadNames = new CopyOnWriteArrayList<>();
        Runnable loop = () -> {
            threadNames.add(Thread.currentThread().getName());
            if (runs.incrementAndGet() == 1) {
                throw new StackOverflowError("escaped the loop");
            }
        };
        ConsumerThread consumer = new ConsumerThread(loop, new DaemonThreads("watched", "consumer"),
                new Intake(64, 0, 1 << 20), status);
        consumer.start();
        Await.until(Duration.ofSeconds(10), () -> runs.get() == 1, () -> "first run");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runs.get() < 2 && System.nanoTime() < deadline) {
            consumer.checkAlive();
            Thread.onSpinWait();
        }
        assertEquals(2, runs.get(), "the loop ran again on a new thread");
        assertEquals(List.of("mixlog-watched-consumer-1", "mixlog-watched-consumer-2"), threadNames);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("the consumer thread ended unexpectedly (StackOverflowError: escaped the loop)"),
                errors::toString);

        assertTrue(consumer.join(System.nanoTime() + TimeUnit.SECONDS.toNanos(5), System.nanoTime() + TimeUnit.SECONDS.toNanos(6)));
        consumer.checkAlive();
        assertEquals(2, runs.get(), "a loop that returned is not restarted");
    }

    @Test
    void aDeadThreadIsRestartedAtStopSoTheLoopCanFinish() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Thread> first = new AtomicReference<>();
        Runnable loop = () -> {
            if (runs.incrementAndGet() == 1) {
                first.set(Thread.currentThread());
                throw new AssertionError("escaped the loop");
            }
        };
        ConsumerThread consumer = new ConsumerThread(loop, new DaemonThreads("stopped", "consumer"),
                new Intake(64, 0, 1 << 20), status);
        consumer.start();
        Await.until(Duration.ofSeconds(10), () -> first.get() != null, () -> "first run");
        first.get().join(10_000);

        assertTrue(consumer.join(System.nanoTime() + TimeUnit.SECONDS.toNanos(5), System.nanoTime() + TimeUnit.SECONDS.toNanos(6)));

        assertEquals(2, runs.get(), "stop ran the loop once more, to drain and flush");
    }
}
