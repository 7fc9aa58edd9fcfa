package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 413 splits the batch in halves, resent in turn, until every event has arrived exactly once. */
class PayloadTooLargeTest {
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    @Test
    void halvesAreResentUntilTheServerTakesThem() {
        server.answerWith(request -> request.body().size() > 3
                ? Reply.json(413, "{\"error\":\"request entity too large\"}")
                : Reply.accept());
        logback = fixture.configure("batches-of-ten.xml");

        for (int i = 0; i < 10; i++) {
            logback.logger().atInfo().addMarker(MixpanelMarkers.event("Report Exported")).addKeyValue("seq", i).log("exported");
        }

        Await.until(() -> logback.stats().delivered() == 10, "10 events delivered");
        List<Integer> sizes = new ArrayList<>();
        for (Request request : server.requests()) {
            sizes.add(request.body().size());
        }
        assertEquals(List.of(10, 5, 2, 3, 5, 2, 3), sizes, "halved, first half first");

        List<String> firstAttempt = server.requests().get(0).insertIds();
        List<String> accepted = new ArrayList<>();
        for (JsonNode event : server.acceptedEvents()) {
            accepted.add(event.path("properties").path("$insert_id").asText());
        }
        assertEquals(firstAttempt, accepted, "every event exactly once, in order");
        assertEquals(10, new HashSet<>(accepted).size());
        assertEquals(0, logback.stats().droppedTotal());
        assertEquals(0, logback.stats().dropped(DropReason.TOO_LARGE));
    }

    @Test
    void aSingleEventTheServerRefusesAsTooLargeIsDroppedAndReported() {
        server.answerWith(request -> Reply.json(413, "{\"error\":\"request entity too large\"}"));
        logback = fixture.configure("batches-of-ten.xml");

        for (int i = 0; i < 10; i++) {
            logback.logger().atInfo().addMarker(MixpanelMarkers.event("Report Exported")).addKeyValue("seq", i).log("exported");
        }

        Await.until(() -> logback.stats().dropped(DropReason.TOO_LARGE) == 10, "10 events dropped as too large");
        assertEquals(0, logback.stats().delivered());
        assertEquals(1 + 2 + 4 + 8 + 4, server.requestCount(), "split down to single events: 10, 5+5, 2+3+2+3, then 10 singles");
        logback.awaitStatus(ch.qos.logback.core.status.Status.WARN, "refused a single event 'Report Exported' as too large");
    }
}
