package dev.mixlog.core.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Figures;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a full ring does to the application: {@code overflowPolicy=block} waits up to
 * {@code blockTimeout}, then drops; {@code discardThreshold} keeps WARN and above while events below
 * WARN are discarded first. Every outcome is counted under its reason.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class OverflowFaultTest {
    private static final long BLOCK_TIMEOUT_MILLIS = 200;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    /** A small pipeline whose consumer gets stuck at once behind one hanging request. */
    private Pipeline smallPipeline(String overflowPolicy, String blockTimeout, String discardThreshold) {
        return Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, "256").text(Settings.MAX_BATCH_EVENTS, "16").text(Settings.FLUSH_INTERVAL, "10ms")
                .text(Settings.MAX_IN_FLIGHT, "1").text(Settings.REQUEST_TIMEOUT, "1min").text(Settings.OVERFLOW_POLICY, overflowPolicy).text(Settings.BLOCK_TIMEOUT, blockTimeout)
                .text(Settings.DISCARD_THRESHOLD, discardThreshold));
    }

    @Test
    void blockWaitsUpToBlockTimeoutThenDrops() {
        server.hang();
        try (Pipeline pipeline = smallPipeline("block", BLOCK_TIMEOUT_MILLIS + "ms", "0")) {
            MixlogStats stats = pipeline.stats();
            int seq = 0;
            long refusedCall;
            while (true) {
                long before = System.nanoTime();
                boolean taken = pipeline.log(TestEvent.numbered(seq++));
                refusedCall = System.nanoTime() - before;
                if (!taken) {
                    break;
                }
                assertTrue(seq < 10_000, "the ring never filled");
            }
            assertEquals(1, stats.dropped(DropReason.RING_FULL));
            assertTrue(refusedCall >= TimeUnit.MILLISECONDS.toNanos(BLOCK_TIMEOUT_MILLIS - 1), Figures.millis(refusedCall) + " ms");
            assertTrue(refusedCall < TimeUnit.MILLISECONDS.toNanos(BLOCK_TIMEOUT_MILLIS + 1000), Figures.millis(refusedCall) + " ms");

            server.release();
            pipeline.awaitSettled(seq);
            pipeline.assertLedger(seq, server);
            assertEquals(seq - 1, server.ingestedCount());
            Figures.report("overflowPolicy=block", "with the ring full, a logging call waited " + Figures.millis(refusedCall)
                    + " ms (blockTimeout " + BLOCK_TIMEOUT_MILLIS + " ms), then dropped its event, counted as ring full");
        }
    }

    @Test
    void aBlockedCallGoesThroughAsSoonAsThereIsRoom() throws InterruptedException {
        server.hang();
        try (Pipeline pipeline = smallPipeline("block", "30s", "0")) {
            MixlogStats stats = pipeline.stats();
            int events = 1000;
            AtomicInteger logged = new AtomicInteger();
            AtomicLong slowest = new AtomicLong();
            AtomicBoolean allTaken = new AtomicBoolean(true);
            Thread application = new Thread(() -> {
                for (int seq = 0; seq < events; seq++) {
                    long before = System.nanoTime();
                    allTaken.compareAndSet(true, pipeline.log(TestEvent.numbered(seq)));
                    slowest.accumulateAndGet(System.nanoTime() - before, Math::max);
                    logged.incrementAndGet();
                }
            }, "application");
            application.start();
            Await.until(Duration.ofSeconds(30), () -> application.getState() == Thread.State.TIMED_WAITING
                    && stats.ringBacklog() == 256, () -> "the application blocked on a full ring: " + stats);
            int beforeRelease = logged.get();
            assertTrue(beforeRelease < events);

            server.release();
            application.join(TimeUnit.SECONDS.toMillis(30));

            assertFalse(application.isAlive());
            assertTrue(allTaken.get(), "no event dropped: " + stats);
            pipeline.awaitSettled(events);
            pipeline.assertLedger(events, server);
            assertEquals(0, stats.droppedTotal());
            assertTrue(slowest.get() < TimeUnit.SECONDS.toNanos(30));
            Figures.report("overflowPolicy=block, room frees", "the application blocked after " + beforeRelease
                    + " events, went on when the server answered (longest call " + Figures.millis(slowest.get())
                    + " ms, blockTimeout 30 s); all " + events + " delivered, none dropped");
        }
    }

    @Test
    void discardThresholdKeepsWarnWhileEventsBelowWarnAreDiscarded() {
        server.hang();
        try (Pipeline pipeline = smallPipeline("drop", "100ms", "64")) {
            MixlogStats stats = pipeline.stats();
            int events = 2000;
            int[][] outcomes = new int[2][3];
            BitSet taken = new BitSet();
            int takenBelowWarnWhileFull = 0;
            int takenWarnAfterFirstDiscard = 0;
            boolean discarding = false;
            // how many events the consumer had taken off the ring (slots it freed) before the last INFO
            // event was discarded: read before that call, so never above it; until it moves, no slot came free
            long consumerTakenAtLastDiscard = -1;
            long accepted = 0;
            for (int seq = 0; seq < events; seq++) {
                boolean warn = seq % 2 == 1;
                long discardedBefore = stats.dropped(DropReason.DISCARDED);
                long ringFullBefore = stats.dropped(DropReason.RING_FULL);
                long consumerTakenBefore = accepted - stats.ringBacklog();
                if (pipeline.log(TestEvent.numbered(seq, warn))) {
                    taken.set(seq);
                    accepted++;
                    outcomes[warn ? 1 : 0][0]++;
                    // read after the call: at least what the consumer had taken when this event found its slot
                    long consumerTakenAfter = accepted - stats.ringBacklog();
                    takenBelowWarnWhileFull += discarding && !warn && consumerTakenAfter == consumerTakenAtLastDiscard ? 1 : 0;
                    takenWarnAfterFirstDiscard += discarding && warn ? 1 : 0;
                } else if (stats.dropped(DropReason.DISCARDED) > discardedBefore) {
                    outcomes[warn ? 1 : 0][1]++;
                    discarding = true;
                    consumerTakenAtLastDiscard = consumerTakenBefore;
                } else {
                    assertEquals(ringFullBefore + 1, stats.dropped(DropReason.RING_FULL));
                    outcomes[warn ? 1 : 0][2]++;
                }
            }
            assertEquals(0, outcomes[1][1], "WARN events are never discarded");
            assertTrue(outcomes[0][1] > 0, "INFO events were discarded");
            assertEquals(0, takenBelowWarnWhileFull, "no INFO event took a slot until the consumer freed some");
            assertTrue(takenWarnAfterFirstDiscard > 0, "WARN events took the slots kept for them");
            assertEquals(outcomes[0][1], stats.dropped(DropReason.DISCARDED));
            assertEquals(outcomes[0][2] + outcomes[1][2], stats.dropped(DropReason.RING_FULL));

            server.release();
            pipeline.awaitSettled(events);
            pipeline.assertLedger(events, server);
            assertEquals(taken, Pipeline.seqs(server.ingestedEvents()));
            Figures.report("discardThreshold 64 of 256", "INFO: " + outcomes[0][0] + " taken, " + outcomes[0][1]
                    + " discarded, " + outcomes[0][2] + " ring full; WARN: " + outcomes[1][0] + " taken, 0 discarded, "
                    + outcomes[1][2] + " ring full (" + takenWarnAfterFirstDiscard + " WARN taken after INFO began to be "
                    + "discarded); the taken ones delivered, exactly");
        }
    }
}
