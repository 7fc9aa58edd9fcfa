package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Request;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While a batch is open, the consumer sleeps until it is due, however long the flush interval; it
 * relies on the application threads to wake it every quarter of the ring. A steady stream four
 * times the ring's size, logged while a batch is open for an hour, must then be taken whole: nothing
 * dropped as ring full, every batch sealed by its event count.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class SleepingConsumerTest {
    private static final int RING = 1024;
    private static final int BATCH = 100;
    /** One event every half millisecond: a quarter ring (256 events) takes 128 ms, the rest of the ring 384 ms more. */
    private static final long PACE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aStreamLargerThanTheRingIsTakenWholeWhileTheBatchWaitsAnHour() {
        int events = 4 * RING;
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, String.valueOf(RING))
                .text(Settings.MAX_BATCH_EVENTS, String.valueOf(BATCH)).text(Settings.FLUSH_INTERVAL, "1h"))) {
            MixlogStats stats = pipeline.stats();
            long next = System.nanoTime();
            for (int seq = 0; seq < events; seq++) {
                while (System.nanoTime() - next < 0) {
                    Thread.onSpinWait();
                }
                next += PACE_NANOS;
                pipeline.log(TestEvent.numbered(seq));
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
            assertEquals(events, stats.delivered(), () -> "the last, partial batch delivered at stop: " + stats);
        }
    }
}
