package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.internal.DaemonThreads;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The appender behind synchronous loggers, configured from log4j2-mixpanel.xml. */
class MixpanelAppenderTest {
    private static final Marker SIGNED_UP = MixpanelMarkers.event("Signed Up");

    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;
    private LoggerContext context;
    private Logger log;

    @BeforeEach
    void start() {
        context = TestContexts.start("log4j2-mixpanel.xml");
        log = context.getLogger("shop.Signup");
    }

    @AfterEach
    void stop() throws Exception {
        ThreadContext.clearAll();
        context.stop();
    }

    @Test
    void pluginIsDiscoveredWithoutPackagesAttribute() {
        MixpanelAppender appender = TestContexts.mixpanel(context, "mixpanel");
        assertTrue(appender.isStarted());
        assertEquals(java.net.URI.create(server.url()), appender.getMixlogConfig().baseUrl());
    }

    @Test
    void markedEventsReachMixpanelWithNameIdentityAndProperties() {
        ThreadContext.put("distinct_id", "ctx-user");
        ThreadContext.put("tenant", "acme");
        ThreadContext.put("traceId", "t-1");
        long before = System.currentTimeMillis();
        log.info(SIGNED_UP, "user {} signed up", "alice");
        log.info(MixpanelMarkers.MIXPANEL, "Checkout Started for {}", "alice");
        log.info("an ordinary log line");
        log.warn(MixpanelMarkers.event("Payment Failed"), "payment failed", new IllegalStateException("card declined"));
        server.awaitAcceptedEvents(3);
        context.stop();

        assertEquals(3, server.records().size(), "only marked events are sent: " + server.records());
        for (JsonNode body : Bodies.of(server)) {
            assertEquals(List.of(), IngestionRules.importBody(body));
        }
        for (Request request : server.requests()) {
            assertEquals("/import", request.path());
            assertEquals("1", request.query("strict"));
            assertEquals("Basic " + Base64.getEncoder().encodeToString("test-token:".getBytes(StandardCharsets.UTF_8)),
                    request.header("Authorization"));
        }
        JsonNode signedUp = server.event("Signed Up").path("properties");
        assertEquals("ctx-user", signedUp.path("distinct_id").asText());
        assertTrue(signedUp.path("time").asLong() >= before);
        assertEquals("acme", signedUp.path("tenant").asText());
        assertFalse(signedUp.has("traceId"), "mdcExclude");
        assertEquals("prod", signedUp.path("env").asText());
        assertEquals("checkout", signedUp.path("service").asText());
        assertEquals("INFO", signedUp.path("level").asText());
        assertEquals("shop.Signup", signedUp.path("logger").asText());
        assertEquals(Thread.currentThread().getName(), signedUp.path("thread").asText());
        assertEquals("user alice signed up", signedUp.path("message").asText());
        assertFalse(signedUp.has("exception_class"));

        JsonNode checkout = server.event("Checkout Started for {}").path("properties");
        assertEquals("ctx-user", checkout.path("distinct_id").asText());
        assertEquals("Checkout Started for alice", checkout.path("message").asText());

        JsonNode failed = server.event("Payment Failed").path("properties");
        assertEquals("WARN", failed.path("level").asText());
        assertEquals("java.lang.IllegalStateException", failed.path("exception_class").asText());
        assertEquals("card declined", failed.path("exception_message").asText());
    }

    @Test
    void mapMessageFieldsKeepTheirJsonTypesAndNameTheUser() {
        ThreadContext.put("distinct_id", "ctx-user");
        ThreadContext.put("tenant", "acme");
        log.info(MixpanelMarkers.event("Order Placed"), new Fields()
                .with("distinct_id", "u-9")
                .with("amount", 42.5)
                .with("items", 3)
                .with("gift", true)
                .with("tags", List.of("spring", "sale"))
                .with("coupon", "SPRING"));
        log.info(MixpanelMarkers.MIXPANEL, new StructuredDataMessage("plan", "Plan Changed", "audit")
                .with("distinct_id", "u-7")
                .with("plan", "pro"));
        server.awaitAcceptedEvents(2);

        JsonNode order = server.event("Order Placed").path("properties");
        assertEquals("u-9", order.path("distinct_id").asText(), "a map message field wins over the ThreadContext");
        assertTrue(order.path("amount").isDouble());
        assertEquals(42.5, order.path("amount").asDouble());
        assertTrue(order.path("items").isIntegralNumber());
        assertEquals(3, order.path("items").asInt());
        assertTrue(order.path("gift").isBoolean());
        assertTrue(order.path("tags").isArray());
        assertEquals("sale", order.path("tags").path(1).asText());
        assertEquals("SPRING", order.path("coupon").asText());
        assertEquals("acme", order.path("tenant").asText());
        assertEquals("prod", order.path("env").asText());

        JsonNode plan = server.event("Plan Changed").path("properties");
        assertEquals("u-7", plan.path("distinct_id").asText());
        assertEquals("pro", plan.path("plan").asText());
        for (JsonNode body : Bodies.of(server)) {
            assertEquals(List.of(), IngestionRules.importBody(body));
        }
    }

    @Test
    void eventsRaisedOnMixlogThreadsAreIgnored() throws InterruptedException {
        Thread mixlogThread = new DaemonThreads("probe", "test")
                .newThread(() -> log.info(MixpanelMarkers.MIXPANEL, "from a Mixlog thread"));
        mixlogThread.start();
        mixlogThread.join();
        log.info(MixpanelMarkers.MIXPANEL, "from the application");
        context.stop();

        List<String> names = new ArrayList<>();
        server.records().forEach(event -> names.add(event.path("event").asText()));
        assertEquals(List.of("from the application"), names);
    }

    @Test
    void eachEventKeepsItsOwnValuesAlthoughLog4jReusesEventsAndMessages() throws InterruptedException {
        int threads = 4;
        int perThread = 100;
        TestContexts.logFromThreads(log, SIGNED_UP, threads, perThread);
        context.stop();

        List<JsonNode> events = server.records();
        assertEquals(threads * perThread, events.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode properties = event.path("properties");
            String user = properties.path("distinct_id").asText().substring("user-".length());
            String message = properties.path("message").asText();
            assertTrue(message.endsWith(" of user " + user), message + " logged for user-" + user);
            assertEquals("producer-" + user, properties.path("thread").asText());
            seen.add(message);
        }
        assertEquals(threads * perThread, seen.size());
    }

    /** A map message with typed values. */
    @Test
    void markerPropertiesAreSentAndMapMessageFieldsWinOverThem() {
        Marker signedUp = MixpanelMarkers.event("Signed Up", Map.of("source", "web", "plan", "free", "seats", 1));
        MixpanelAppender appender = TestContexts.mixpanel(context, "mixpanel");
        ThreadContext.put("distinct_id", "ctx-user");
        log.info(signedUp, new Fields().with("plan", "premium"));
        log.info(signedUp, "no fields");
        server.awaitAcceptedEvents(2);
        context.stop();

        List<JsonNode> events = server.records();
        assertEquals(2, events.size());
        JsonNode withFields = events.get(0).path("properties");
        assertEquals("Signed Up", events.get(0).path("event").asText());
        assertEquals("web", withFields.path("source").asText());
        assertEquals("premium", withFields.path("plan").asText(), "the map message's field wins over the marker's");
        assertEquals(1, withFields.path("seats").asInt());
        assertTrue(withFields.path("seats").isIntegralNumber());
        assertEquals("free", events.get(1).path("properties").path("plan").asText());
        assertEquals(List.of(), server.violations());
        assertEquals(2, appender.getStats().delivered(), "the stopped appender keeps its counters");
    }

    static final class Fields extends MapMessage<Fields, Object> {
        private static final long serialVersionUID = 1L;
    }
}
