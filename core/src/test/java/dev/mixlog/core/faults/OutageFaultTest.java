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
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server goes down (connections refused) and comes back on the same port. With a ring large
 * enough nothing is lost; stopping during the outage returns within {@code shutdownTimeout}, counts
 * exactly what was not delivered, and leaves no Mixlog thread, and Mixlog never made a non-daemon one.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class OutageFaultTest {
    private static final int SLICES = 20;

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    @Test
    void aServerDownForAWhileLosesNothingWithARingLargeEnough() {
        Duration outage = FaultTimings.outage();
        int events = FaultTimings.events();
        int before = events / 5;
        int during = events * 3 / 5;
        try (Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, Pipeline.ringFor(events)))) {
            MixlogStats stats = pipeline.stats();
            long started = System.nanoTime();
            pipeline.logNumbered(0, before);
            server.down();
            long downAt = System.nanoTime();
            long peakBacklog = 0;
            for (int slice = 0; slice < SLICES; slice++) {
                pipeline.logNumbered(before + during * slice / SLICES, before + during * (slice + 1) / SLICES);
                peakBacklog = Math.max(peakBacklog, stats.ringBacklog());
                LockSupport.parkNanos(downAt + outage.toNanos() * (slice + 1) / SLICES - System.nanoTime());
            }
            server.up();
            long upAt = System.nanoTime();
            long failedAttempts = stats.retried();
            pipeline.logNumbered(before + during, events);
            pipeline.awaitSettled(events);
            long recovered = System.nanoTime();

            pipeline.assertLedger(events, server);
            assertEquals(0, stats.droppedTotal(), stats::toString);
            BitSet all = new BitSet();
            all.set(0, events);
            assertEquals(all, Pipeline.seqs(server.ingestedEvents()));
            List<String> failing = pipeline.status().containing("retrying with backoff");
            List<String> working = pipeline.status().containing("works again");
            assertFalse(failing.isEmpty(), pipeline.status()::toString);
            assertFalse(working.isEmpty(), pipeline.status()::toString);
            assertTrue(failing.size() <= 3, "reported once per failure streak, not per attempt: " + failing);
            Figures.report("outage", events + " events, server down " + outage.toMillis() + " ms (connections refused); "
                    + "peak ring backlog " + peakBacklog + " events; " + failedAttempts + " failed attempts during the outage; "
                    + "lost 0; all delivered " + Figures.millis(recovered - upAt) + " ms after the server came back "
                    + "(whole run " + Figures.millis(recovered - started) + " ms)");
        }
    }

    @Test
    void stopDuringAnOutageReturnsInTimeAndCountsExactlyWhatWasNotDelivered() {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.RING_BUFFER_SIZE, "65536").text(Settings.SHUTDOWN_TIMEOUT, "2s"));
        MixlogStats stats = pipeline.stats();
        pipeline.logNumbered(0, 10_000);
        pipeline.awaitSettled(10_000);
        List<Thread> mixlogMade = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !threadsBefore.contains(thread) && !isTestServers(thread))
                .collect(Collectors.toList());
        server.down();
        assertEquals(30_000, pipeline.logNumbered(10_000, 40_000).cardinality());
        Await.until(Duration.ofSeconds(30), () -> !pipeline.status().containing("retrying with backoff").isEmpty(),
                () -> "senders failing: " + pipeline.status());

        long took = stopUnsettledWithin(pipeline, 2000 + 500);
        assertEquals(10_000, stats.delivered());
        assertEquals(30_000, stats.dropped(DropReason.SHUTDOWN), stats::toString);
        pipeline.assertLedger(40_000, server);
        assertTrue(pipeline.status().containing("30000 events were not delivered before shutdownTimeout").size() == 1,
                pipeline.status()::toString);
        assertFalse(mixlogMade.isEmpty());
        for (Thread thread : mixlogMade) {
            assertTrue(thread.isDaemon(), thread.getName() + " is not a daemon thread");
        }
        Await.until(() -> mixlogThreads().isEmpty(), "no mixlog- thread left, but " + mixlogThreads());
        Figures.report("stop during outage", "10000 delivered, then 30000 logged with the server down; stop returned in "
                + Figures.millis(took) + " ms (shutdownTimeout 2 s) and counted 30000 undelivered, exactly; "
                + "threads Mixlog made: " + mixlogMade.stream().map(Thread::getName).sorted().collect(Collectors.toList())
                + ", all daemons, none left after stop");
    }

    @Test
    void stopWhileEveryExchangeWaitsForAReplyEndsThemInTime() {
        // the senders block in socket reads, which ignore interrupts: the stop must close their sockets
        server.hang();
        Pipeline pipeline = Pipeline.start(Pipeline.settings(server).text(Settings.MAX_BATCH_EVENTS, "100")
                .text(Settings.REQUEST_TIMEOUT, "5min").text(Settings.SHUTDOWN_TIMEOUT, "1s"));
        MixlogStats stats = pipeline.stats();
        assertEquals(1_000, pipeline.logNumbered(0, 1_000).cardinality());
        server.awaitRequests(4);

        long took = stopUnsettledWithin(pipeline, 1000 + 1500);
        assertEquals(0, stats.delivered());
        assertEquals(1_000, stats.dropped(DropReason.SHUTDOWN), stats::toString);
        pipeline.assertLedger(1_000, server);
        Await.until(() -> mixlogThreads().isEmpty(), "no mixlog- thread left, but " + mixlogThreads());
        Figures.report("stop with exchanges hanging", "4 exchanges waiting for replies (requestTimeout 5 min): stop returned in "
                + Figures.millis(took) + " ms (shutdownTimeout 1 s), all 1000 events counted as not delivered, no thread left");
    }

    /**
     * Stops the pipeline, which cannot deliver everything, and asserts that the stop says so and returns
     * within {@code boundMillis} (its {@code shutdownTimeout} and some room); returns how long it took.
     */
    private static long stopUnsettledWithin(Pipeline pipeline, long boundMillis) {
        long started = System.nanoTime();
        boolean settled = pipeline.core().stop(Duration.ofSeconds(30));
        long took = System.nanoTime() - started;
        assertFalse(settled);
        assertTrue(took < TimeUnit.MILLISECONDS.toNanos(boundMillis), "stop took " + Figures.millis(took) + " ms");
        return took;
    }

    /** The loopback server's own threads: its dispatcher, handlers and idle timer. */
    private static boolean isTestServers(Thread thread) {
        String name = thread.getName();
        return name.startsWith("HTTP-Dispatcher") || name.startsWith("faulty-mixpanel") || name.startsWith("idle-timeout");
    }

    private static List<String> mixlogThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("mixlog-")).collect(Collectors.toList());
    }
}
