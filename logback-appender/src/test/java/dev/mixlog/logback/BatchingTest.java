package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.Marker;

/** Events leave in batches sealed by event count, by body size, or by time since the first event. */
class BatchingTest {
    private static final Marker ITEM_VIEWED = MixpanelMarkers.event("Item Viewed");
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private static void logViews(Logger log, int from, int to) {
        for (int i = from; i < to; i++) {
            log.atInfo().addMarker(ITEM_VIEWED).addKeyValue("seq", i).log("item viewed");
        }
    }

    /** The {@code seq} of each event, sorted: batches travel in parallel, so they may arrive in any order. */
    private static List<Integer> seqs(List<JsonNode> events) {
        List<Integer> seqs = new ArrayList<>();
        events.forEach(event -> seqs.add(event.path("properties").path("seq").intValue()));
        seqs.sort(null);
        return seqs;
    }

    private static int firstSeq(Request request) {
        return request.body().get(0).path("properties").path("seq").intValue();
    }

    private static List<Integer> range(int count) {
        List<Integer> range = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            range.add(i);
        }
        return range;
    }

    @Test
    void aBatchIsSentAsSoonAsItHoldsMaxBatchEvents() {
        logback = fixture.configure("batch-by-count.xml");

        logViews(logback.logger(), 0, 35);
        server.awaitRequests(3);

        for (Request request : server.requests()) {
            assertEquals(10, request.body().size(), "a full batch of maxBatchEvents=10");
        }
        logback.stop();
        List<Integer> sizes = new ArrayList<>();
        server.requests().forEach(request -> sizes.add(request.body().size()));
        assertEquals(List.of(10, 10, 10, 5), sizes, "the last 5 wait for the flush interval, or stop");
        assertEquals(range(35), seqs(server.acceptedEvents()));
        for (Request request : server.requests()) {
            List<Integer> inBatch = seqs(request.events());
            int first = inBatch.get(0);
            assertEquals(range(first + inBatch.size()).subList(first, first + inBatch.size()), inBatch,
                    "a batch holds consecutive events");
        }
    }

    @ParameterizedTest(name = "maxBatchBytes={0}")
    @CsvSource({"1KiB, 1024, 30", "2KiB, 2048, 40", "8KiB, 8192, 100"})
    void noBodyIsLargerThanMaxBatchBytesAndEachIsFilledFirst(String setting, int limit, int events) {
        logback = fixture.configure("batch-by-bytes.xml", Map.of("mockUrl", server.url(), "maxBatchBytes", setting));
        String payload = "p".repeat(300);

        for (int i = 0; i < events; i++) {
            logback.logger().atInfo().addMarker(ITEM_VIEWED).addKeyValue("seq", i).addKeyValue("payload", payload).log("viewed");
        }
        logback.stop();

        List<Request> requests = new ArrayList<>(server.requests());
        requests.sort(java.util.Comparator.comparingInt(BatchingTest::firstSeq));
        assertTrue(requests.size() >= 2, "expected several requests, got " + requests.size());
        for (int r = 0; r < requests.size(); r++) {
            byte[] body = requests.get(r).decoded();
            assertTrue(body.length <= limit, "request " + r + " has " + body.length + " bytes, over " + limit);
            assertEquals(List.of(), IngestionRules.importBody(requests.get(r).body()));
            if (r + 1 < requests.size()) {
                int nextEvent = eventBytes(requests.get(r + 1).body().get(0));
                assertTrue(body.length + 1 + nextEvent > limit,
                        "request " + r + " (" + body.length + " bytes) was sealed while the next event (" + nextEvent + " bytes) still fit");
            }
        }
        assertEquals(range(events), seqs(server.acceptedEvents()));
        assertEquals(events, logback.stats().delivered(), "stop returns once every batch is delivered");
    }

    @Test
    void aFewEventsAreSentOnceTheFlushIntervalHasPassed() {
        logback = fixture.configure("batch-by-time.xml");
        long loggedAt = System.nanoTime();

        logViews(logback.logger(), 0, 3);

        List<JsonNode> events = server.awaitAcceptedEvents(3);
        assertEquals(range(3), seqs(events));
        long waited = server.requests().get(0).arrivedNanos() - loggedAt;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(100),
                "the first batch left after " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms, before flushInterval=100ms");
        assertTrue(logback.appender().isStarted(), "sent while running, not by stop");
        Await.until(() -> logback.stats().delivered() == 3, "3 events counted as delivered");
    }

    @Test
    void laterEventsStartANewTimedBatch() {
        logback = fixture.configure("batch-by-time.xml");

        logViews(logback.logger(), 0, 2);
        server.awaitAcceptedEvents(2);
        logViews(logback.logger(), 2, 4);
        server.awaitAcceptedEvents(4);

        assertTrue(server.requestCount() >= 2, "the second pair left in a batch of its own");
        assertEquals(range(4), seqs(server.acceptedEvents()));
    }

    private static int eventBytes(JsonNode event) {
        try {
            return Bodies.JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
