package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.Marker;

/**
 * The application thread never waits for Mixpanel: with the server hanging and a small ring buffer,
 * every logging call returns at once; what does not fit is dropped and counted, never blocked on.
 */
class NonBlockingTest {
    private static final Marker HEARTBEAT = MixpanelMarkers.event("Heartbeat");
    private static final int BACKLOG = 500;
    private static final int BURST = 50_000;
    private static final long MAX_CALL_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @Test
    void loggingReturnsPromptlyWhileTheServerHangsAndOverflowIsCounted() {
        server.hang();
        logback = fixture.configure("small-ring.xml");
        Logger log = logback.logger();
        MixlogStats stats = logback.stats();

        // back the pipeline up: 4 batches of 100 hang in flight (maxInFlight=4), a fifth waits for a slot
        for (int i = 0; i < BACKLOG; i++) {
            log.atInfo().addMarker(HEARTBEAT).addKeyValue("seq", i).log("beat");
        }
        server.awaitRequests(4);
        Await.until(() -> stats.captured() == BACKLOG, "the consumer stuck behind the hanging server");

        long slowest = 0;
        long started = System.nanoTime();
        for (int i = BACKLOG; i < BACKLOG + BURST; i++) {
            long before = System.nanoTime();
            log.atInfo().addMarker(HEARTBEAT).addKeyValue("seq", i).log("beat");
            slowest = Math.max(slowest, System.nanoTime() - before);
        }
        long total = System.nanoTime() - started;

        assertTrue(slowest < MAX_CALL_NANOS, "slowest logging call took " + TimeUnit.NANOSECONDS.toMillis(slowest) + " ms");
        assertEquals(0, stats.delivered(), "the server has answered nothing");
        assertEquals(BACKLOG, stats.captured(), "the consumer is still stuck");
        long ringFull = stats.dropped(DropReason.RING_FULL);
        // at most the ring's 1024 slots took events (fewer: slots of the consumer's current poll are still held)
        assertTrue(ringFull >= BURST - 1024 && ringFull < BURST, "dropped for a full ring: " + ringFull);

        server.release();

        Await.until(() -> stats.captured() + stats.dropped(DropReason.RING_FULL) == BACKLOG + BURST
                        && stats.delivered() == stats.captured(),
                "every event captured and delivered, or dropped: " + stats);
        assertEquals(ringFull, stats.dropped(DropReason.RING_FULL), "no drop after the burst");
        assertEquals(ringFull, stats.droppedTotal(), "dropped only for a full ring");
        Set<Integer> arrived = new HashSet<>();
        for (JsonNode event : server.acceptedEvents()) {
            assertTrue(arrived.add(event.path("properties").path("seq").intValue()), "each event once");
        }
        assertEquals(stats.delivered(), arrived.size());
        String warning = logback.awaitStatus(Status.WARN, "events dropped: ring buffer full");
        assertTrue(warning.contains("in total"), warning);
        System.out.println("logged " + BURST + " events in " + TimeUnit.NANOSECONDS.toMillis(total) + " ms, slowest call "
                + TimeUnit.NANOSECONDS.toMicros(slowest) + " us; " + stats);
    }

    @Test
    void concurrentLoggersLoseNothingWhenTheRingHasRoom() throws InterruptedException {
        logback = fixture.configure("token.xml");
        Logger log = logback.logger();
        int threads = 4;
        int each = 2_000;
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            loggers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    log.atInfo().addMarker(HEARTBEAT).addKeyValue("thread", thread).addKeyValue("seq", i).log("beat");
                }
            }, "app-" + t));
        }
        loggers.forEach(Thread::start);
        for (Thread thread : loggers) {
            thread.join();
        }

        List<JsonNode> events = server.awaitAcceptedEvents(threads * each);
        Set<String> arrived = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode p = event.path("properties");
            assertTrue(arrived.add(p.path("thread").intValue() + "/" + p.path("seq").intValue()), "each event once");
        }
        assertEquals(threads * each, arrived.size());
        Await.until(() -> logback.stats().delivered() == threads * each, "all delivered");
        assertEquals(0, logback.stats().droppedTotal());
    }
}
