package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Marker;

/**
 * Transient failures (429, 5xx, a dropped connection) are retried with the very same body, so
 * Mixpanel deduplicates on {@code $insert_id} and {@code time}; a 429's {@code Retry-After} is honoured.
 */
class RetryTest {
    private static final Marker PAGE_VIEWED = MixpanelMarkers.event("Page Viewed");
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private void logOneBatch() {
        logback = fixture.configure("batches-of-five.xml");
        for (int i = 0; i < 5; i++) {
            logback.logger().atInfo().addMarker(PAGE_VIEWED).addKeyValue("page", "/p/" + i).log("viewed");
        }
    }

    private void assertEveryAttemptCarriesTheSameEvents(int attempts) {
        server.awaitRequests(attempts);
        Await.until(() -> logback.stats().delivered() == 5, "5 events delivered");
        List<Request> requests = server.requests();
        assertEquals(attempts, requests.size());
        Request first = requests.get(0);
        for (Request retry : requests.subList(1, attempts)) {
            assertEquals(first.insertIds(), retry.insertIds(), "same $insert_ids");
            assertEquals(times(first), times(retry), "same time");
            assertArrayEquals(first.decoded(), retry.decoded(), "the very same body");
        }
        assertTrue(requests.get(attempts - 1).accepted());
        assertEquals(attempts - 1, logback.stats().retried());
        assertEquals(0, logback.stats().droppedTotal());
    }

    private static List<Long> times(Request request) {
        List<Long> times = new ArrayList<>();
        for (JsonNode event : request.body()) {
            times.add(event.path("properties").path("time").longValue());
        }
        return times;
    }

    @Test
    void rateLimitedBatchIsResentAfterRetryAfter() {
        server.enqueue(Reply.json(429, "{\"error\":\"rate limit exceeded\"}").withHeader("Retry-After", "1"));

        logOneBatch();

        assertEveryAttemptCarriesTheSameEvents(2);
        List<Request> requests = server.requests();
        long gap = requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos();
        assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(950),
                "resent after " + TimeUnit.NANOSECONDS.toMillis(gap) + " ms, before Retry-After: 1");
    }

    @Test
    void serviceUnavailableIsRetriedWithBackoffUntilDelivered() {
        server.enqueue(Reply.json(503, "{\"error\":\"unavailable\"}"));
        server.enqueue(Reply.json(503, "{\"error\":\"unavailable\"}"));

        logOneBatch();

        assertEveryAttemptCarriesTheSameEvents(3);
        String failing = logback.awaitStatus(Status.WARN, "retrying with backoff");
        assertTrue(failing.contains("HTTP 503"), failing);
        logback.awaitStatus(Status.INFO, "works again");
    }

    @Test
    void aDroppedConnectionIsRetried() {
        server.enqueue(Reply.dropConnection());

        logOneBatch();

        assertEveryAttemptCarriesTheSameEvents(2);
    }

    @Test
    void aBatchStillFailingAfterMaxRetryTimeIsDroppedAndReported() {
        server.answerWith(request -> Reply.json(503, "{\"error\":\"unavailable\"}"));
        logback = fixture.configure("retries-limited.xml");

        for (int i = 0; i < 5; i++) {
            logback.logger().info(PAGE_VIEWED, "viewed");
        }

        Await.until(() -> logback.stats().dropped(DropReason.RETRIES_EXHAUSTED) == 5, "5 events dropped after maxRetryTime");
        String warning = logback.awaitStatus(Status.WARN, "gave up on a batch of 5 events");
        assertTrue(warning.contains("HTTP 503"), warning);
        assertTrue(server.requestCount() >= 2, "retried before giving up");
        assertTrue(logback.stats().failing(), "requests still fail: giving up a batch is no recovery");
        assertTrue(logback.stats().lastFailure().contains("gave up after maxRetryTime"), logback.stats().lastFailure());
        int requests = server.requestCount();
        assertEquals(0, logback.stats().delivered());
        logback.stop();
        assertEquals(requests, server.requestCount(), "not sent again after giving up");
        assertEquals(5, logback.stats().droppedTotal());
    }
}
