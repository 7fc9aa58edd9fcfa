package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * Stopping the Logback context delivers what is buffered, gives up after {@code shutdownTimeout}
 * when the server does not answer (counting every undelivered event), and leaves no Mixlog thread.
 */
class ShutdownTest {
    private static final Marker SESSION_ENDED = MixpanelMarkers.event("Session Ended");
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private static void logSessions(Logger log, int count) {
        for (int i = 0; i < count; i++) {
            log.atInfo().addMarker(SESSION_ENDED).addKeyValue("seq", i).log("session ended");
        }
    }

    private static void awaitNoMixlogThread() {
        Await.until(() -> LogbackHarness.mixlogThreads().isEmpty(), "no mixlog- thread alive, but: " + LogbackHarness.mixlogThreads());
    }

    @Test
    void stopDeliversEverythingBuffered() {
        logback = fixture.configure("shutdown-flush.xml");
        logSessions(logback.logger(), 500);

        logback.stop();

        assertFalse(logback.appender().isStarted());
        Set<Integer> arrived = new HashSet<>();
        for (JsonNode event : server.acceptedEvents()) {
            arrived.add(event.path("properties").path("seq").intValue());
        }
        assertEquals(500, arrived.size(), "every buffered event arrived before stop returned");
        assertEquals(500, server.acceptedEvents().size());
        assertEquals(500, logback.stats().delivered());
        assertEquals(0, logback.stats().droppedTotal());
        assertTrue(logback.messages(Status.INFO).stream().anyMatch(m -> m.contains("stopped: captured=500 delivered=500")),
                logback::statusText);
        awaitNoMixlogThread();
    }

    @Test
    void stopGivesUpOnInFlightBatchesAfterShutdownTimeout() {
        server.hang();
        logback = fixture.configure("shutdown-timeout.xml");
        logSessions(logback.logger(), 250);
        server.awaitRequests(3);
        MixlogStats stats = logback.stats();
        Await.until(() -> stats.captured() == 250, "all events taken into batches");

        long started = System.nanoTime();
        logback.stop();
        long took = System.nanoTime() - started;

        System.out.println("stop with 250 events in flight took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
        assertTrue(took < TimeUnit.MILLISECONDS.toNanos(1000 + 500),
                "stop took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms with shutdownTimeout=1s");
        assertEquals(0, stats.delivered());
        assertEquals(250, stats.dropped(DropReason.SHUTDOWN));
        assertEquals(250, stats.delivered() + stats.droppedTotal());
        String warning = logback.awaitStatus(Status.WARN, "250 events were not delivered before shutdownTimeout");
        assertTrue(warning.contains("PT1S"), warning);
        awaitNoMixlogThread();
    }

    @Test
    void stopCountsEventsInFlightQueuedAndStillInTheRing() {
        server.hang();
        logback = fixture.configure("shutdown-timeout.xml");
        MixlogStats stats = logback.stats();
        logSessions(logback.logger(), 1000);
        // 4 batches of 100 hang in flight (maxInFlight=4), a fifth waits for a free slot, the rest stays in the ring
        server.awaitRequests(4);
        Await.until(() -> stats.captured() >= 500, "the consumer holds a fifth batch");

        long started = System.nanoTime();
        logback.stop();
        long took = System.nanoTime() - started;

        System.out.println("stop with 1000 events in flight, queued and in the ring took "
                + TimeUnit.NANOSECONDS.toMillis(took) + " ms; " + stats);
        assertTrue(took < TimeUnit.MILLISECONDS.toNanos(1000 + 500),
                "stop took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms with shutdownTimeout=1s");
        assertEquals(0, stats.dropped(DropReason.RING_FULL));
        assertEquals(1000, stats.delivered() + stats.dropped(DropReason.SHUTDOWN), stats::toString);
        assertEquals(stats.dropped(DropReason.SHUTDOWN), stats.droppedTotal(), stats::toString);
        awaitNoMixlogThread();
    }

    @Test
    void stoppingTwiceAndLoggingAfterStopAreHarmless() {
        logback = fixture.configure("token.xml");
        logSessions(logback.logger(), 3);
        logback.stop();

        logback.appender().stop();
        logSessions(logback.logger(), 3);

        assertEquals(3, logback.stats().delivered());
        assertEquals(3, server.acceptedEvents().size());
        awaitNoMixlogThread();
    }
}
