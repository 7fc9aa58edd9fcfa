package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A logged value whose {@code toString()} never returns (a deadlock, a remote call without a
 * timeout) holds the consumer thread for good. The stop still returns within {@code shutdownTimeout}
 * plus a small margin, with every event counted once; the consumer thread is abandoned and reported,
 * and when the call returns at last, it ends without counting or sending anything.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class StuckValueFaultTest {
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);
    /** What the stop may take beyond {@code shutdownTimeout} on a busy machine: it needs milliseconds. */
    private static final Duration MARGIN = Duration.ofMillis(500);

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aToStringThatNeverReturnsIsAbandonedAtStopWithEveryEventCountedOnce() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Object stuck = new Object() {
            @Override
            public String toString() {
                entered.countDown();
                while (release.getCount() > 0) {
                    try {
                        release.await(); // a deadlock: deaf to interrupts, as most are
                    } catch (InterruptedException ignored) {
                        // keeps waiting
                    }
                }
                return "rendered at last";
            }
        };
        Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT.toMillis() + "ms"));
        MixlogStats stats = pipeline.stats();
        try {
            assertEquals(500, pipeline.logNumbered(0, 500).cardinality());
            assertTrue(pipeline.core().flush(Pipeline.SETTLE_BOUND), stats::toString);
            assertTrue(pipeline.log(TestEvent.numbered(500).with("report", stuck)));
            assertEquals(499, pipeline.logNumbered(501, 1000).cardinality());
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the consumer reached the value");

            long started = System.nanoTime();
            pipeline.core().stop();
            long took = System.nanoTime() - started;

            assertTrue(took < SHUTDOWN_TIMEOUT.plus(MARGIN).toNanos(), "the stop took " + Figures.millis(took) + " ms");
            assertEquals(500, stats.delivered(), stats::toString);
            assertEquals(500, stats.dropped(DropReason.SHUTDOWN), "the stuck event and the 499 behind it: " + stats);
            assertEquals(1000, stats.delivered() + stats.droppedTotal());
            assertEquals(1, pipeline.status().containing("is abandoned; 500 events not yet sent").size(), pipeline.status()::toString);
            assertEquals(1, abandonedThreads().size(), () -> "the consumer, named as abandoned: " + abandonedThreads());
            Figures.report("toString() that never returns", "stop took " + Figures.millis(took) + " ms with shutdownTimeout "
                    + SHUTDOWN_TIMEOUT.toMillis() + " ms; 500 delivered, 500 counted as not delivered before shutdown; "
                    + "the consumer thread abandoned, and ended counting nothing once the call returned");
        } finally {
            release.countDown();
        }
        Await.until(Duration.ofSeconds(30), () -> abandonedThreads().isEmpty(), () -> "the abandoned thread ended: " + abandonedThreads());
        assertEquals(500, stats.delivered(), "nothing sent after the stop: " + stats);
        assertEquals(500, stats.droppedTotal(), "nothing counted twice: " + stats);
        pipeline.assertLedger(1000, server);
    }

    private static List<Thread> abandonedThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("mixlog-") && thread.getName().endsWith("(abandoned)"))
                .collect(Collectors.toList());
    }
}
