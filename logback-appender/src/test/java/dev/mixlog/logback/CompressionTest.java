package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Request;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.Marker;

/** Request bodies are gzip-compressed by default and decode to valid Mixpanel events; gzip=false sends plain JSON. */
class CompressionTest {
    private static final Marker ORDER_PAID = MixpanelMarkers.event("Order Paid");
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private static void logOrders(Logger log) {
        for (int i = 0; i < 20; i++) {
            log.atInfo().addMarker(ORDER_PAID)
                    .addKeyValue("distinct_id", "user-" + i)
                    .addKeyValue("amount", 19.99 + i)
                    .addKeyValue("items", List.of("book", "pen"))
                    .addKeyValue("shipping", Map.of("country", "FR", "express", i % 2 == 0))
                    .log("order paid");
        }
    }

    @Test
    void bodiesAreGzipByDefaultAndDecodeToTheImportSchema() {
        logback = fixture.configure("token.xml");

        logOrders(logback.logger());
        server.awaitAcceptedEvents(20);

        for (Request request : server.requests()) {
            assertEquals("gzip", request.header("Content-Encoding"));
            assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
            byte[] raw = request.wire();
            assertTrue(raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b, "gzip magic number");
            assertTrue(raw.length < request.decoded().length, "compressed is smaller");
            assertEquals(List.of(), IngestionRules.importBody(request.body()));
        }
        JsonNode first = server.acceptedEvents().get(0);
        assertEquals("Order Paid", first.path("event").asText());
        assertEquals("user-0", first.path("properties").path("distinct_id").asText());
    }

    @Test
    void gzipFalseSendsPlainJson() throws IOException {
        logback = fixture.configure("plain-json.xml");

        logOrders(logback.logger());
        server.awaitAcceptedEvents(20);

        for (Request request : server.requests()) {
            assertNull(request.header("Content-Encoding"));
            JsonNode body = Bodies.JSON.readTree(request.wire());
            assertTrue(body.isArray());
            assertEquals(List.of(), IngestionRules.importBody(body));
        }
        dev.mixlog.loopback.Await.until(() -> logback.stats().delivered() == 20, "20 events counted as delivered");
    }
}
