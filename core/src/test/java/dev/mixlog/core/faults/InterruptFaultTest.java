package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mixlog's threads interrupted again and again while they work (an application's thread-pool
 * clean-up, a framework that interrupts what it finds): nothing is lost, nothing is dropped, and the
 * consumer neither ends nor spins.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class InterruptFaultTest {
    private static final int EVENTS = 10_000;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void interruptsOutsideAStopLoseNothing() throws Exception {
        AtomicBoolean interrupting = new AtomicBoolean(true);
        AtomicLong interrupts = new AtomicLong();
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(EVENTS)))) {
            Thread interrupter = new Thread(() -> {
                while (interrupting.get()) {
                    for (Thread thread : Thread.getAllStackTraces().keySet()) {
                        String name = thread.getName();
                        if (name.startsWith("mixlog-faults-consumer-") || name.startsWith("mixlog-faults-sender-")) {
                            thread.interrupt();
                            interrupts.incrementAndGet();
                        }
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            }, "interrupter");
            interrupter.start();
            long started = System.nanoTime();
            pipeline.logNumbered(0, EVENTS);
            pipeline.awaitSettled(EVENTS);
            interrupting.set(false);
            interrupter.join();

            pipeline.assertLedger(EVENTS, server);
            assertEquals(EVENTS, pipeline.stats().delivered(), pipeline.stats()::toString);
            assertTrue(pipeline.core().stop(java.time.Duration.ofSeconds(10)));
            Figures.report("interrupts", EVENTS + " events while Mixlog's threads were interrupted " + interrupts.get()
                    + " times: all delivered (" + server.duplicatesIngested() + " resent and deduplicated), 0 dropped; "
                    + Figures.millis(System.nanoTime() - started) + " ms");
        }
    }
}
