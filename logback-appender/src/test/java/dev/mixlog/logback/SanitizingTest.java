package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.loopback.IngestionRules;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Whatever the application logs, the event sent fits Mixpanel's rules: every change is counted in
 * the stats, and no exception ever reaches the logging call.
 */
class SanitizingTest {
    private static final Marker PROFILE_UPDATED = MixpanelMarkers.event("Profile Updated");
    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private Logger start(String configuration) {
        logback = fixture.configure(configuration);
        return logback.logger();
    }

    /** Logs one event built by the test, asserting that the call itself throws nothing. */
    private void logSafely(LoggingEventBuilder event) {
        assertDoesNotThrow(() -> event.log("profile updated"));
    }

    /** Stops the context (delivering everything) and returns the one event sent, checked against Mixpanel's rules. */
    private JsonNode onlyEventSent() {
        logback.stop();
        List<JsonNode> events = server.acceptedEvents();
        assertEquals(1, events.size(), events::toString);
        assertEquals(List.of(), IngestionRules.importBody(server.requests().get(0).body()));
        return events.get(0).path("properties");
    }

    private MixlogStats stats() {
        return logback.stats();
    }

    @Test
    void longStringsAreCutToTheDefault255Characters() {
        logSafely(start("sanitizing.xml").atInfo().addMarker(PROFILE_UPDATED)
                .addKeyValue("bio", "b".repeat(1000)).addKeyValue("name", "Ada"));

        JsonNode p = onlyEventSent();
        assertEquals("b".repeat(255), p.path("bio").asText());
        assertEquals("Ada", p.path("name").asText());
        assertEquals(1, stats().adjusted(Adjustment.STRING_TRUNCATED));
    }

    @Test
    void longStringsAreCutToMaxStringLength() {
        logSafely(start("sanitizing-short-strings.xml").atInfo().addMarker(PROFILE_UPDATED)
                .addKeyValue("bio", "abcdefghijklmnopqrstuvwxyz").addKeyValue("tags", List.of("x".repeat(30), "short")));

        JsonNode p = onlyEventSent();
        assertEquals("abcdefghijklmnopqrst", p.path("bio").asText());
        assertEquals("x".repeat(20), p.path("tags").get(0).asText());
        assertEquals("short", p.path("tags").get(1).asText());
        assertEquals(2, stats().adjusted(Adjustment.STRING_TRUNCATED));
    }

    @Test
    void propertiesBeyondMixpanelsLimitAreDropped() {
        LoggingEventBuilder event = start("sanitizing.xml").atInfo().addMarker(PROFILE_UPDATED);
        for (int i = 0; i < 300; i++) {
            event.addKeyValue(String.format("p%03d", i), i);
        }
        logSafely(event);

        JsonNode p = onlyEventSent();
        assertEquals(254, p.size(), "fewer than 255 properties, time, distinct_id and $insert_id included");
        assertTrue(p.has("p250"));
        assertFalse(p.has("p251"));
        assertEquals(300 - 251, stats().adjusted(Adjustment.PROPERTY_DROPPED));
    }

    @Test
    void notFiniteNumbersAreSentAsNull() {
        logSafely(start("sanitizing.xml").atInfo().addMarker(PROFILE_UPDATED)
                .addKeyValue("nan", Double.NaN).addKeyValue("inf", Double.POSITIVE_INFINITY)
                .addKeyValue("neg_inf", Float.NEGATIVE_INFINITY).addKeyValue("fine", 1.5));

        JsonNode p = onlyEventSent();
        assertTrue(p.path("nan").isNull());
        assertTrue(p.path("inf").isNull());
        assertTrue(p.path("neg_inf").isNull());
        assertEquals(1.5, p.path("fine").doubleValue());
        assertEquals(3, stats().adjusted(Adjustment.NOT_FINITE));
    }

    @Test
    void aCyclicMapEndsInAPlaceholder() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("name", "loop");
        cyclic.put("self", cyclic);

        logSafely(start("sanitizing.xml").atInfo().addMarker(PROFILE_UPDATED).addKeyValue("graph", cyclic));

        JsonNode graph = onlyEventSent().path("graph");
        assertEquals("loop", graph.path("name").asText());
        assertEquals("[nested too deep]", graph.path("self").path("self").path("self").asText());
        assertTrue(stats().adjusted(Adjustment.TOO_DEEP) >= 1);
    }

    private enum Plan {
        PRO {
            @Override
            public String toString() {
                throw new UnsupportedOperationException("plan names are not for display");
            }
        }
    }

    @Test
    void objectsWhoseToStringFailsOrRecursesBecomePlaceholders() {
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no toString for you");
            }
        };
        Object recursing = new Object() {
            @Override
            public String toString() {
                return "me: " + this;
            }
        };

        logSafely(start("sanitizing.xml").atInfo().addMarker(PROFILE_UPDATED)
                .addKeyValue("throwing", throwing).addKeyValue("recursing", recursing)
                .addKeyValue("plan", Plan.PRO).addKeyValue("fine", "yes"));

        JsonNode p = onlyEventSent();
        assertEquals("[unrenderable: IllegalStateException]", p.path("throwing").asText());
        assertEquals("[unrenderable: StackOverflowError]", p.path("recursing").asText());
        assertEquals("[unrenderable: UnsupportedOperationException]", p.path("plan").asText());
        assertEquals("yes", p.path("fine").asText());
        assertEquals(3, stats().adjusted(Adjustment.UNRENDERABLE));
    }

    @Test
    void reservedKeysAreNotOverwrittenByKeyValues() {
        long before = System.currentTimeMillis();
        logSafely(start("sanitizing.xml").atInfo().addMarker(PROFILE_UPDATED)
                .addKeyValue("time", 5).addKeyValue("$insert_id", "forged-id").addKeyValue("token", "forged-token"));
        long after = System.currentTimeMillis();

        JsonNode p = onlyEventSent();
        long time = p.path("time").longValue();
        assertTrue(time >= before && time <= after, "time is the log event's: " + time);
        assertTrue(p.path("$insert_id").asText().matches("[0-9a-f]{32}"), p.path("$insert_id").asText());
        assertFalse(p.has("token"));
        assertEquals(3, stats().adjusted(Adjustment.RESERVED_KEY_IGNORED));
    }

    @Test
    void loneSurrogatesAreReplaced() {
        logSafely(start("sanitizing.xml").atInfo().addMarker(MixpanelMarkers.event("Name \uD800 Changed"))
                .addKeyValue("nickname", "ab\uDC00cd").addKeyValue("emoji", "ok \uD83D\uDE00"));

        logback.stop();
        JsonNode event = server.acceptedEvents().get(0);
        assertEquals("Name \uFFFD Changed", event.path("event").asText());
        assertEquals("ab\uFFFDcd", event.path("properties").path("nickname").asText());
        assertEquals("ok \uD83D\uDE00", event.path("properties").path("emoji").asText(), "pairs are kept");
        assertEquals(2, stats().adjusted(Adjustment.INVALID_TEXT));
    }

    @Test
    void bannedDistinctIdsAreSentEmpty() {
        Logger log = start("sanitizing.xml");
        for (String banned : List.of("null", "anonymous", "0")) {
            logSafely(log.atInfo().addMarker(PROFILE_UPDATED).addKeyValue("distinct_id", banned).addKeyValue("tried", banned));
        }
        logSafely(log.atInfo().addMarker(PROFILE_UPDATED).addKeyValue("distinct_id", "user-7").addKeyValue("tried", "user-7"));

        logback.stop();
        List<String> ids = new ArrayList<>();
        for (JsonNode event : server.acceptedEvents()) {
            ids.add(event.path("properties").path("distinct_id").textValue());
        }
        assertEquals(List.of("", "", "", "user-7"), ids);
        assertEquals(3, stats().adjusted(Adjustment.DISTINCT_ID_REPLACED));
        assertEquals(List.of(), IngestionRules.importBody(server.requests().get(0).body()));
    }
}
