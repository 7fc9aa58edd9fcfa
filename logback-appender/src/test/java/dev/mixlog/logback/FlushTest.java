package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * {@code flush(Duration)} delivers what is buffered without stopping (what a serverless function or a
 * job that keeps logging needs): true once all of it is delivered; false when the endpoint is down
 * and the time runs out, dropping nothing, so a later flush delivers it all.
 */
class FlushTest {
    private static final Marker EVENT = MixpanelMarkers.event("Report Generated");

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @Test
    void flushDeliversWhatIsBufferedAndTheAppenderGoesOn() {
        logback = fixture.configure("flush.xml");
        Logger log = logback.logger();
        MixlogStats stats = logback.stats();
        logSome(log, 0, 1000);
        assertEquals(0, server.requestCount(), "nothing is sent on a timer of 1 h");

        assertTrue(logback.appender().flush(Duration.ofSeconds(30)), stats::toString);

        assertEquals(1000, server.ingestedCount());
        assertEquals(1000, stats.delivered());
        assertTrue(logback.appender().isStarted());
        logSome(log, 1000, 1500);
        assertTrue(logback.appender().flush(Duration.ofSeconds(30)), stats::toString);
        assertEquals(1500, server.ingestedCount());
        assertEquals(1500, stats.delivered() + stats.droppedTotal());
    }

    /**
     * The consumer takes the events logged before the call even when handing each batch over takes
     * longer than its wait for a producer's publication (one sender, each reply 100 ms late, so each
     * hand-over waits for the sender; a spool's sync on a busy disk does the same): it once returned
     * true with events still in the ring.
     */
    @Test
    void flushTakesEveryEventLoggedBeforeItWhileHandingOverIsSlow() {
        server.answerWith(request -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            return Reply.asMixpanelWould(request);
        });
        logback = fixture.configure("flush.xml", Map.of("mockUrl", server.url(), "maxBatchEvents", "10", "maxInFlight", "1"));
        MixlogStats stats = logback.stats();
        logSome(logback.logger(), 0, 100);

        assertTrue(logback.appender().flush(Duration.ofSeconds(60)), stats::toString);

        assertEquals(100, stats.delivered(), stats::toString);
        assertEquals(100, server.ingestedCount());
        logback.stop();
        assertEquals(100, stats.delivered() + stats.droppedTotal(), stats::toString);
    }

    @Test
    void flushWithTheEndpointDownReturnsFalseInTimeAndDropsNothing() {
        server.down();
        logback = fixture.configure("flush.xml");
        Logger log = logback.logger();
        MixlogStats stats = logback.stats();
        logSome(log, 0, 100);

        long started = System.nanoTime();
        assertFalse(logback.appender().flush(Duration.ofMillis(500)));
        long took = System.nanoTime() - started;

        assertTrue(took < Duration.ofSeconds(5).toNanos(), "flush(500 ms) took " + took / 1_000_000 + " ms");
        assertEquals(0, stats.droppedTotal(), stats::toString);
        server.up();
        assertTrue(logback.appender().flush(Duration.ofSeconds(30)), stats::toString);
        assertEquals(100, server.ingestedCount());
        assertEquals(100, stats.delivered());
        assertEquals(0, stats.droppedTotal(), stats::toString);
    }

    private static void logSome(Logger log, int from, int to) {
        for (int seq = from; seq < to; seq++) {
            log.atInfo().addMarker(EVENT).addKeyValue("seq", seq).log("report");
        }
    }
}
