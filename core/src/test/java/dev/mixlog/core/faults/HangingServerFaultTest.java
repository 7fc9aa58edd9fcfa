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
import dev.mixlog.loopback.Reply;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that hangs: the application's logging calls stay fast, requests under way never exceed
 * {@code maxInFlight}, and what does not fit is dropped with a count that matches exactly what never
 * arrived; the first drop and the end of the drops are reported, rate-limited.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class HangingServerFaultTest {
    /** Generous: a garbage-collection pause on a busy CI machine lands on some call. */
    private static final long SLOWEST_CALL_BOUND = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long SLOW_REPLY_MILLIS = 40;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aHangingServerNeverSlowsLoggingAndEveryDropIsCountedExactly() {
        int events = FaultTimings.events();
        server.hang();
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, "4096").text(Settings.REQUEST_TIMEOUT, "1min"))) {
            MixlogStats stats = pipeline.stats();
            long[] calls = new long[events];
            BitSet taken = new BitSet();
            long started = System.nanoTime();
            for (int seq = 0; seq < events; seq++) {
                TestEvent event = TestEvent.numbered(seq);
                long before = System.nanoTime();
                if (pipeline.log(event)) {
                    taken.set(seq);
                }
                calls[seq] = System.nanoTime() - before;
            }
            long logging = System.nanoTime() - started;
            long ringFull = stats.dropped(DropReason.RING_FULL);
            assertEquals(events - taken.cardinality(), ringFull, stats::toString);
            assertTrue(ringFull > events / 2, "most events did not fit: " + stats);
            assertEquals(0, stats.delivered());
            Await.until(Duration.ofSeconds(30), () -> !pipeline.status().containing("dropped: ring buffer full").isEmpty(),
                    () -> "the first drop reported: " + pipeline.status());

            server.release();
            pipeline.awaitSettled(events);
            long settled = System.nanoTime();

            assertEquals(taken, Pipeline.seqs(server.ingestedEvents()), "exactly the events taken arrived");
            assertEquals(ringFull, events - server.ingestedCount());
            assertEquals(ringFull, stats.droppedTotal());
            pipeline.assertLedger(events, server);
            Arrays.sort(calls);
            long slowest = calls[events - 1];
            assertTrue(slowest < SLOWEST_CALL_BOUND, "slowest logging call " + slowest / 1000 + " µs");
            Await.until(Duration.ofSeconds(30), () -> !pipeline.status().containing("drops stopped (ring buffer full)").isEmpty(),
                    () -> "the end of the drops reported: " + pipeline.status());
            long reports = pipeline.status().containing("dropped: ring buffer full").size();
            long reportSlots = (settled - started) / TimeUnit.MILLISECONDS.toNanos(200) + 2;
            assertTrue(reports <= reportSlots, reports + " drop reports in " + Figures.millis(settled - started) + " ms");
            Figures.report("hanging server", events + " events logged in " + Figures.millis(logging) + " ms while every request hung: "
                    + "slowest call " + slowest / 1000 + " µs, 99.9th percentile " + calls[events - 1 - events / 1000]
                    + " ns, median " + calls[events / 2] + " ns; " + taken.cardinality() + " taken (ring 4096, 4 batches of 500 in flight), "
                    + ringFull + " dropped as ring full = exactly the events that never arrived; " + reports
                    + " drop report(s), then one 'drops stopped'");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void requestsUnderWayNeverExceedMaxInFlight(int maxInFlight) {
        server.answerWith(arrival -> {
            try {
                Thread.sleep(SLOW_REPLY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.accept();
        });
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.MAX_IN_FLIGHT, String.valueOf(maxInFlight))
                .text(Settings.MAX_BATCH_EVENTS, "100").text(Settings.RING_BUFFER_SIZE, "8192"))) {
            MixlogStats stats = pipeline.stats();
            pipeline.logNumbered(0, 4000);
            long peakBacklog = 0;
            while (stats.delivered() + stats.droppedTotal() < 4000) {
                peakBacklog = Math.max(peakBacklog, stats.ringBacklog());
                Thread.onSpinWait();
            }

            pipeline.assertLedger(4000, server);
            assertEquals(0, stats.droppedTotal());
            assertEquals(maxInFlight, server.maxConcurrentRequests(), "requests the server handled at once");
            assertTrue(peakBacklog > 1000, "the ring absorbed the rest: " + peakBacklog);
            Figures.report("slow server, maxInFlight " + maxInFlight, "40 batches answered after " + SLOW_REPLY_MILLIS
                    + " ms each: at most " + server.maxConcurrentRequests() + " requests at the server at once; "
                    + "the ring held up to " + peakBacklog + " waiting events");
        }
    }

    @Test
    void diagnosticsNeverShowTheCredentials() {
        server.answerWith(arrival -> Reply.refuse(503, "{\"error\":\"echo " + arrival.authorization() + " " + Pipeline.TOKEN + "\"}"));
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.MAX_RETRY_TIME, "200ms"))) {
            pipeline.logNumbered(0, 10);
            pipeline.awaitSettled(10);
            Await.until(Duration.ofSeconds(30), () -> !pipeline.status().containing("gave up on a batch of 10 events").isEmpty(),
                    () -> "giving up reported: " + pipeline.status());
            String gaveUp = pipeline.status().containing("gave up on a batch of 10 events").get(0);
            assertTrue(gaveUp.contains("HTTP 503") && gaveUp.contains("Basic ***"), gaveUp);
            pipeline.assertLedger(10, server);
            assertEquals(10, pipeline.stats().dropped(DropReason.RETRIES_EXHAUSTED));
        }
    }
}
