package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Request;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While a batch is open, the consumer sleeps until it is due, however long the flush interval; it
 * relies on the application threads to wake it before a bound of the ring refuses an event: the
 * slots, the slots above {@code discardThreshold}, the bytes of large events. In each case a steady
 * stream far beyond that bound, logged while a batch is open for an hour, must be taken whole:
 * nothing dropped, every batch sealed by its event count, delivered + dropped == logged.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class SleepingConsumerTest {
    private static final int RING = 1024;
    private static final int BATCH = 64;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    /** A quarter ring (256 events) takes 128 ms at 2,000 events/s; the rest of the ring 384 ms more. */
    @Test
    void aStreamFourTimesTheRingIsTakenWhole() {
        assertTakenWhole(4 * RING, 2000, sleepyPipeline(), TestEvent::numbered);
    }

    /**
     * 832 of the 1,024 slots are kept for WARN: INFO events have 192, four times fewer than a quarter
     * ring. The wake comes every 32 events; the rest of the 192 takes 160 ms more at 1,000 events/s.
     */
    @Test
    void infoEventsAreNotDiscardedUnderAHighDiscardThreshold() {
        assertTakenWhole(2 * RING, 1000, sleepyPipeline().text(Settings.DISCARD_THRESHOLD, "832"), TestEvent::numbered);
    }

    /**
     * Events estimated at 8 KiB under a 1 MiB budget: 128 of them fill it, half of a quarter ring. The
     * wake comes with each one once 256 KiB are taken; the other 96 take 192 ms more at 500 events/s.
     */
    @Test
    void largeEventsAreNotDroppedUnderTheByteBudget() {
        MixlogSettings settings = sleepyPipeline().text(Settings.MAX_BUFFER_BYTES, "1MiB");
        assertTakenWhole(RING, 500, settings, seq -> {
            TestEvent small = TestEvent.numbered(seq);
            return new TestEvent(small.name, small.warn, small.pairs, 8 * 1024);
        });
    }

    /** Batches of {@link #BATCH} that would otherwise wait an hour. */
    private MixlogSettings sleepyPipeline() {
        return Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, String.valueOf(RING))
                .text(Settings.MAX_BATCH_EVENTS, String.valueOf(BATCH)).text(Settings.FLUSH_INTERVAL, "1h");
    }

    private void assertTakenWhole(int events, int perSecond, MixlogSettings settings, LongFunction<TestEvent> event) {
        try (Pipeline pipeline = Pipeline.start(settings)) {
            MixlogStats stats = pipeline.stats();
            long pace = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long next = System.nanoTime();
            for (int seq = 0; seq < events; seq++) {
                while (System.nanoTime() - next < 0) {
                    Thread.onSpinWait();
                }
                next += pace;
                pipeline.log(event.apply(seq));
            }
            int sealedByCount = events / BATCH;
            server.awaitIngested(sealedByCount * BATCH, Pipeline.SETTLE_BOUND);

            assertEquals(0, stats.droppedTotal(), () -> "nothing dropped while the consumer slept: " + stats);
            List<Request> requests = server.requests();
            for (int r = 0; r < sealedByCount; r++) {
                assertEquals(BATCH, requests.get(r).body().size(), "request " + r + " was sealed by its event count");
            }
            pipeline.close();
            pipeline.assertLedger(events, server);
            assertEquals(events, stats.delivered(), () -> "every event delivered: " + stats);
        }
    }
}
