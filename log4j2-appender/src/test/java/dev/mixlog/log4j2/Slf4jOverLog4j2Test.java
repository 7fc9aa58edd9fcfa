package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * A service logging through SLF4J with log4j-slf4j2-impl: SLF4J markers reach Log4j2 by name and
 * references, key-value pairs as ThreadContext entries for the duration of the call.
 */
class Slf4jOverLog4j2Test {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;
    private LoggerContext context;

    @BeforeEach
    void start() {
        context = Configurator.initialize("slf4j", "log4j2-slf4j.xml");
        TestContexts.mixpanel(context, "mixpanel");
    }

    @AfterEach
    void stop() throws Exception {
        MDC.clear();
        Configurator.shutdown(context);
    }

    /**
     * The one SLF4J {@code MixpanelMarkers} that Logback services use works unchanged here: events,
     * profile operations, and markers with properties, which this binding passes by name alone (the
     * marker's properties are not sent; the call's key-value pairs are).
     */
    @Test
    void theSlf4jMixpanelMarkersWorkOnLog4j2Too() {
        Logger log = LoggerFactory.getLogger("shop.Signup");
        log.atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.event("Plan Chosen"))
                .addKeyValue("distinct_id", "u-1").addKeyValue("plan", "pro").log("plan chosen");
        log.atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.event("Trial Started", Map.of("source", "web")))
                .addKeyValue("distinct_id", "u-1").addKeyValue("days", 14).log("trial started");
        MDC.put("distinct_id", "u-1");
        log.atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.profileDelete()).log("account closed");
        server.awaitAcceptedEvents(2);
        Configurator.shutdown(context);

        assertEquals("pro", server.event("Plan Chosen").path("properties").path("plan").asText());
        JsonNode trial = server.event("Trial Started").path("properties");
        assertEquals("14", trial.path("days").asText(), "this binding passes key-value pairs as text");
        assertFalse(trial.has("source"), "a marker's properties travel by name no further than this binding");
        assertEquals(1, server.requests().stream().filter(request -> request.path().startsWith("/engage")).count(),
                () -> server.requests().toString());
    }

    @Test
    void keyValuePairsArriveAsTextSoOneWarningNamesTheTypedWay() {
        Logger log = LoggerFactory.getLogger("shop.Signup");
        try (StatusCapture status = StatusCapture.register()) {
            for (int i = 0; i < 3; i++) {
                log.atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.event("Seats Chosen")).addKeyValue("distinct_id", "u-1")
                        .addKeyValue("seats", 7).log("chosen");
            }
            log.info(dev.mixlog.slf4j.MixpanelMarkers.event("Seats Typed"), "typed {}",
                    dev.mixlog.slf4j.MixpanelMarkers.property("distinct_id", "u-1"), dev.mixlog.slf4j.MixpanelMarkers.property("seats", 7));
            server.awaitAcceptedEvents(4);
            Configurator.shutdown(context);

            long notes = status.messages(Level.WARN).stream().filter(m -> m.contains("passes key-value pairs (addKeyValue) as "
                    + "ThreadContext text") && m.contains("MixpanelMarkers.property")).count();
            assertEquals(1, notes, () -> status.messages(Level.WARN).toString());
        }
        JsonNode chosen = server.acceptedEvents().get(0).path("properties");
        assertEquals("7", chosen.path("seats").asText());
        assertTrue(chosen.path("seats").isTextual(), "the bridge's text");
        assertEquals(7, server.event("Seats Typed").path("properties").path("seats").asInt());
        assertTrue(server.event("Seats Typed").path("properties").path("seats").isInt(), "the typed way's number");
    }

    @Test
    void slf4jMarkersAndKeyValuePairsGiveTheSameEvents() {
        Marker signedUp = MarkerFactory.getMarker("Signed Up");
        signedUp.add(MarkerFactory.getMarker("MIXPANEL"));
        Logger log = LoggerFactory.getLogger("shop.Signup");

        MDC.put("distinct_id", "mdc-user");
        MDC.put("tenant", "acme");
        log.atInfo().addMarker(signedUp).addKeyValue("distinct_id", "kv-user").addKeyValue("plan", "pro")
                .log("user {} signed up", "bob");
        assertEquals("mdc-user", MDC.get("distinct_id"), "the key-value pair only lasts for its call");
        log.atInfo().addMarker(MarkerFactory.getMarker("Renewed")).log("not marked for Mixpanel");
        log.info(MarkerFactory.getMarker("MIXPANEL"), "Checkout Started");
        server.awaitAcceptedEvents(2);
        Configurator.shutdown(context);

        assertEquals(2, server.records().size(), server.records().toString());
        for (JsonNode body : Bodies.of(server)) {
            assertEquals(List.of(), IngestionRules.importBody(body));
        }
        JsonNode signed = server.event("Signed Up").path("properties");
        assertEquals("kv-user", signed.path("distinct_id").asText(), "a key-value distinct_id wins over the MDC");
        assertEquals("pro", signed.path("plan").asText());
        assertEquals("acme", signed.path("tenant").asText());
        assertEquals("prod", signed.path("env").asText());
        assertEquals("user bob signed up", signed.path("message").asText());

        JsonNode checkout = server.event("Checkout Started").path("properties");
        assertEquals("mdc-user", checkout.path("distinct_id").asText());
        assertFalse(checkout.has("plan"));
    }

    @Test
    void slf4jAndLog4jApiShareTheirMarkers() {
        Marker viaSlf4j = MarkerFactory.getMarker("Invite Sent");
        viaSlf4j.add(MarkerFactory.getMarker(MixpanelMarkers.MIXPANEL_NAME));
        assertTrue(MixpanelMarkers.event("Invite Sent").isInstanceOf(MixpanelMarkers.MIXPANEL));

        ThreadContext.put("distinct_id", "u-1");
        LoggerFactory.getLogger("shop").info(viaSlf4j, "invite {} sent", 1);
        context.getLogger("shop").info(MixpanelMarkers.event("Invite Sent"), "invite {} sent", 2);
        server.awaitAcceptedEvents(2);

        for (JsonNode event : server.records()) {
            assertEquals("Invite Sent", event.path("event").asText());
            assertEquals("u-1", event.path("properties").path("distinct_id").asText());
        }
    }

    /**
     * Profile updates take their values from the event's key-value pairs, which this bridge delivers
     * as ThreadContext entries, indistinguishable from the MDC: a {@code $set} given its values by
     * {@code addKeyValue} is dropped as invalid, with a warning that says where values come from
     * (never set from the MDC, which would write every request's context onto profiles). Log4j2's own
     * API, in the same service, sends it.
     */
    @Test
    void aProfileSetWithKeyValuePairsIsRefusedWithAWarningAndLog4jApiSendsIt() {
        try (StatusCapture status = StatusCapture.register()) {
            MDC.put("request_id", "r-9");
            LoggerFactory.getLogger("shop.Plans").atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.profileSet())
                    .addKeyValue("distinct_id", "u-1").addKeyValue("plan", "pro").log("plan set");
            ThreadContext.put("distinct_id", "u-1");
            context.getLogger("shop.Plans").info(MixpanelMarkers.profileSet(), new MapMessage<>(Map.of("plan", "pro")));
            server.awaitAcceptedRecords("/engage", 1);
            MixpanelAppender appender = context.getConfiguration().getAppender("mixpanel");
            Configurator.shutdown(context);

            List<JsonNode> updates = server.acceptedRecords("/engage");
            assertEquals(1, updates.size(), updates::toString);
            assertEquals("pro", updates.get(0).path("$set").path("plan").asText());
            assertFalse(updates.get(0).path("$set").has("request_id"), "an MDC entry is no profile value");
            assertEquals(1, appender.getStats().dropped(DropReason.INVALID), appender.getStats()::toString);
            assertEquals(2, appender.getStats().delivered() + appender.getStats().droppedTotal(), "delivered + dropped == logged");
            assertTrue(status.messages(Level.WARN).stream().anyMatch(message -> message.contains("profile $set update could not be sent")
                    && message.contains("MDC and ThreadContext entries are not taken as values")), status.messages(Level.WARN)::toString);
        }
    }
}
