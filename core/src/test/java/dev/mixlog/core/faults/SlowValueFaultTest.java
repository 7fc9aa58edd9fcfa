package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A value whose {@code toString()} is slow runs on the consumer, not on the logging thread: the call
 * stays cheap, the events behind it wait and are delivered, and the delay is reported with its length.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class SlowValueFaultTest {
    private static final long SLOW_MILLIS = 300;
    private static final int EVENTS = 1000;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aSlowToStringDelaysDeliveryAndIsReported() {
        Object slow = new Object() {
            @Override
            public String toString() {
                try {
                    Thread.sleep(SLOW_MILLIS); // what a slow toString() does: a lock, a query, a remote call
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "rendered at last";
            }
        };
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server))) {
            long started = System.nanoTime();
            pipeline.log(TestEvent.numbered(0).with("report", slow));
            pipeline.logNumbered(1, EVENTS);
            long loggingNanos = System.nanoTime() - started;
            pipeline.awaitSettled(EVENTS);

            pipeline.assertLedger(EVENTS, server);
            assertEquals(EVENTS, pipeline.stats().delivered());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(loggingNanos) < SLOW_MILLIS,
                    "the logging calls did not wait for toString(): " + loggingNanos + " ns");
            List<String> reports = pipeline.status().containing("a slow toString() of a logged value?");
            assertEquals(1, reports.size(), pipeline.status()::toString);
            assertTrue(reports.get(0).contains("took 3"), reports::toString);
            assertFalse(reports.get(0).contains("rendered at last"));
            Figures.report("slow toString()", "one value taking " + SLOW_MILLIS + " ms ahead of " + (EVENTS - 1)
                    + " events: the " + EVENTS + " logging calls took " + Figures.millis(loggingNanos)
                    + " ms in all; all delivered; reported once: " + reports.get(0).replaceAll(".*\\]: ", ""));
        }
    }
}
