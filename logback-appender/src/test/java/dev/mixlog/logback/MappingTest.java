package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * How a Logback event becomes a Mixpanel event: its name, its {@code distinct_id}, and its properties
 * from static configuration, MDC, the marker, key-value pairs and the log event itself, later sources winning.
 */
class MappingTest {
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private Logger start(String configuration) {
        logback = fixture.configure(configuration);
        return logback.logger();
    }

    /** Stops the context, which delivers everything, and returns the events the server took. */
    private List<JsonNode> sent() {
        logback.stop();
        List<JsonNode> events = server.acceptedEvents();
        for (Request request : server.requests()) {
            assertEquals(List.of(), IngestionRules.importBody(request.body()));
        }
        return events;
    }

    private JsonNode onlyEvent() {
        List<JsonNode> events = sent();
        assertEquals(1, events.size(), events::toString);
        return events.get(0);
    }

    private static List<String> names(List<JsonNode> events) {
        List<String> names = new ArrayList<>();
        events.forEach(event -> names.add(event.path("event").asText()));
        return names;
    }

    @Test
    void eventMarkerNamesTheEvent() {
        start("mapping.xml").atInfo().addMarker(MixpanelMarkers.event("Signed Up")).log("user {} signed up", "u1");

        assertEquals("Signed Up", onlyEvent().path("event").asText());
    }

    @Test
    void aPlainMarkerReferencingMixpanelNamesTheEvent() {
        Marker checkoutStarted = MarkerFactory.getDetachedMarker("Checkout Started");
        checkoutStarted.add(MixpanelMarkers.MIXPANEL);

        start("mapping.xml").info(checkoutStarted, "checkout of cart {}", 17);

        assertEquals("Checkout Started", onlyEvent().path("event").asText());
    }

    @Test
    void mixpanelMarkerAloneUsesTheUnformattedMessageTemplate() {
        start("mapping.xml").info(MixpanelMarkers.MIXPANEL, "Order {} paid", 42);

        assertEquals("Order {} paid", onlyEvent().path("event").asText());
    }

    @Test
    void unmarkedEventsAreNotSentByDefault() {
        Logger log = start("mapping.xml");
        Marker unrelated = MarkerFactory.getDetachedMarker("AUDIT");

        log.info("plain message");
        log.warn(unrelated, "audited");
        log.info(MixpanelMarkers.event("Signed Up"), "the only one for Mixpanel");
        log.error("failure", new IllegalStateException("x"));

        assertEquals(List.of("Signed Up"), names(sent()));
    }

    @Test
    void selectionAllSendsEveryEventThatReachesTheAppender() {
        Logger log = start("mapping-all.xml");

        log.info("Page {} viewed", "/home");
        log.warn("Payment failed");
        log.info(MixpanelMarkers.event("Signed Up"), "signed up");
        log.debug("below the root level, filtered by Logback");

        List<String> names = names(sent());
        names.sort(null);
        assertEquals(List.of("Page {} viewed", "Payment failed", "Signed Up"), names);
    }

    @Test
    void distinctIdComesFromKeyValueOverMdcElseIsEmpty() {
        Logger log = start("mapping.xml");
        Marker marker = MixpanelMarkers.event("Identified");

        log.atInfo().addMarker(marker).addKeyValue("case", "none").log("no user");
        MDC.put("distinct_id", "mdc-user");
        log.atInfo().addMarker(marker).addKeyValue("case", "mdc").log("user from MDC");
        log.atInfo().addMarker(marker).addKeyValue("case", "both").addKeyValue("distinct_id", "kv-user").log("both");
        MDC.remove("distinct_id");
        log.atInfo().addMarker(marker).addKeyValue("case", "kv").addKeyValue("distinct_id", 1234).log("numeric");

        Map<String, String> idByCase = new LinkedHashMap<>();
        for (JsonNode event : sent()) {
            JsonNode properties = event.path("properties");
            idByCase.put(properties.path("case").asText(), properties.path("distinct_id").textValue());
            assertFalse(properties.has("distinctId"));
        }
        assertEquals(Map.of("none", "", "mdc", "mdc-user", "both", "kv-user", "kv", "1234"), idByCase);
    }

    @Test
    void distinctIdKeyCanBeRenamed() {
        Logger log = start("mapping-custom-id.xml");
        Marker marker = MixpanelMarkers.event("Identified");

        log.atInfo().addMarker(marker).addKeyValue("userId", "kv-user").log("by key-value");
        MDC.put("userId", "mdc-user");
        log.atInfo().addMarker(marker).addKeyValue("distinct_id", "ignored").log("by MDC");

        List<JsonNode> events = sent();
        assertEquals("kv-user", events.get(0).path("properties").path("distinct_id").asText());
        assertFalse(events.get(0).path("properties").has("userId"), "the id key is not also a property");
        assertEquals("mdc-user", events.get(1).path("properties").path("distinct_id").asText());
        assertFalse(events.get(1).path("properties").has("userId"));
    }

    @Test
    void mdcIncludeSendsOnlyTheListedKeys() {
        Logger log = start("mapping-mdc-include.xml");
        MDC.put("tenant", "acme");
        MDC.put("plan", "pro");
        MDC.put("region", "eu");
        MDC.put("traceId", "abc123");
        MDC.put("distinct_id", "u1");

        log.info(MixpanelMarkers.event("Report Viewed"), "viewed");

        JsonNode properties = onlyEvent().path("properties");
        assertEquals("acme", properties.path("tenant").asText());
        assertEquals("pro", properties.path("plan").asText());
        assertEquals("eu", properties.path("region").asText());
        assertFalse(properties.has("traceId"));
        assertEquals("u1", properties.path("distinct_id").asText(), "the id is read whatever the filter");
    }

    @Test
    void mdcExcludeNeverSendsTheListedKeys() {
        Logger log = start("mapping-mdc-exclude.xml");
        MDC.put("tenant", "acme");
        MDC.put("traceId", "abc123");
        MDC.put("spanId", "def456");

        log.info(MixpanelMarkers.event("Report Viewed"), "viewed");

        JsonNode properties = onlyEvent().path("properties");
        assertEquals("acme", properties.path("tenant").asText());
        assertFalse(properties.has("traceId"));
        assertFalse(properties.has("spanId"));
    }

    @Test
    void keyValuesKeepTheirJsonTypes() {
        start("mapping.xml").atInfo().addMarker(MixpanelMarkers.event("Order Paid"))
                .addKeyValue("quantity", 3)
                .addKeyValue("order_id", 9_007_199_254_740_993L)
                .addKeyValue("amount", 19.99)
                .addKeyValue("gift", true)
                .addKeyValue("coupon", "SPRING")
                .addKeyValue("items", List.of("book", 2, false))
                .addKeyValue("shipping", Map.of("country", "FR", "days", 2))
                .addKeyValue("note", (Object) null)
                .log("order paid");

        JsonNode p = onlyEvent().path("properties");
        assertTrue(p.path("quantity").isIntegralNumber());
        assertEquals(3, p.path("quantity").intValue());
        assertEquals(9_007_199_254_740_993L, p.path("order_id").longValue());
        assertTrue(p.path("amount").isFloatingPointNumber());
        assertEquals(19.99, p.path("amount").doubleValue());
        assertTrue(p.path("gift").isBoolean() && p.path("gift").booleanValue());
        assertEquals("SPRING", p.path("coupon").textValue());
        assertTrue(p.path("items").isArray());
        assertEquals("book", p.path("items").get(0).textValue());
        assertEquals(2, p.path("items").get(1).intValue());
        assertTrue(p.path("items").get(2).isBoolean());
        assertTrue(p.path("shipping").isObject());
        assertEquals("FR", p.path("shipping").path("country").textValue());
        assertEquals(2, p.path("shipping").path("days").intValue());
        assertTrue(p.has("note") && p.path("note").isNull());
    }

    @Test
    void laterSourcesWin() {
        Logger log = start("mapping.xml");
        MDC.put("layer_b", "mdc");
        MDC.put("layer_c", "mdc");
        MDC.put("layer_d", "mdc");
        Marker withPayload = MixpanelMarkers.event("Layered", Map.of("layer_c", "marker", "layer_d", "marker", "coupon", "SPRING"));

        log.atInfo().addMarker(withPayload).addKeyValue("layer_d", "key-value").log("layers");

        JsonNode event = onlyEvent();
        JsonNode p = event.path("properties");
        assertEquals("Layered", event.path("event").asText());
        assertEquals("test", p.path("env").asText(), "static property");
        assertEquals("static", p.path("layer_a").asText());
        assertEquals("mdc", p.path("layer_b").asText());
        assertEquals("marker", p.path("layer_c").asText());
        assertEquals("key-value", p.path("layer_d").asText());
        assertEquals("SPRING", p.path("coupon").asText(), "marker payload");
    }

    @Test
    void contextFieldsAreAddedAndWinOverEverything() throws InterruptedException {
        Logger log = start("mapping-context-fields.xml");
        MDC.put("level", "from-mdc");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                log.atWarn().addMarker(MixpanelMarkers.event("Payment Failed"))
                        .addKeyValue("logger", "from-key-value")
                        .setCause(new IllegalStateException("card declined"))
                        .log("Payment for order {} failed", 42);
                log.info(MixpanelMarkers.event("Payment Retried"), "retry");
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "checkout-worker-7");
        worker.start();
        worker.join();
        assertEquals(null, failure.get());

        List<JsonNode> events = sent();
        JsonNode failed = events.get(0).path("properties");
        assertEquals("WARN", failed.path("level").asText());
        assertEquals("com.example.shop.Checkout", failed.path("logger").asText());
        assertEquals("checkout-worker-7", failed.path("thread").asText());
        assertEquals("Payment for order 42 failed", failed.path("message").asText());
        assertEquals("java.lang.IllegalStateException", failed.path("exception_class").asText());
        assertEquals("card declined", failed.path("exception_message").asText());
        JsonNode retried = events.get(1).path("properties");
        assertEquals("INFO", retried.path("level").asText());
        assertFalse(retried.has("exception_class"), "no exception, no exception fields");
        assertFalse(retried.has("exception_message"));
    }

    @Test
    void contextFieldsAreTakenAsTheyWereWhenLogged() throws InterruptedException {
        server.hang();
        Logger log = start("deferred-fields.xml");
        // one event hangs in flight, the next holds the consumer back: later events wait in the ring
        log.info(MixpanelMarkers.event("Warm Up"), "first");
        log.info(MixpanelMarkers.event("Warm Up"), "second");
        server.awaitRequests(1);
        Await.until(() -> logback.stats().captured() == 2, "the consumer held back");

        List<String> cart = new ArrayList<>(List.of("book"));
        Thread worker = new Thread(() -> {
            log.info(MixpanelMarkers.event("Cart Updated"), "Cart now {}", cart);
            cart.add("pen");
            Thread.currentThread().setName("renamed-later");
        }, "cart-worker-1");
        worker.start();
        worker.join();
        server.release();

        JsonNode updated = sent().get(2).path("properties");
        assertEquals("Cart now [book]", updated.path("message").asText(), "the message as logged");
        assertEquals("cart-worker-1", updated.path("thread").asText(), "the thread as logged");
    }

    @Test
    void contextFieldsAreOffByDefault() {
        start("mapping.xml").atInfo().addMarker(MixpanelMarkers.event("Quiet")).setCause(new RuntimeException("x")).log("m");

        JsonNode p = onlyEvent().path("properties");
        for (String field : List.of("level", "logger", "thread", "message", "exception_class", "exception_message")) {
            assertFalse(p.has(field), field);
        }
    }
}
