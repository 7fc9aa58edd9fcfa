package dev.mixlog.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.internal.mapping.MappedEvent;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.IngestionRules;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One mapped event serialized as a Mixpanel event, within Mixpanel's limits. */
class EventWriterTest {
    private static final long TIME = 1_700_000_000_123L;
    private final Counters stats = new Counters();
    private final EventWriter writer = EventWriter.forEvents(new MixlogSettings().text(Settings.TOKEN, "tok").build(), "tok", stats);

    private JsonNode write(String name, Object distinctId, Map<String, Object> properties) throws IOException {
        ByteSink json = writer.write(new MappedEvent(name, distinctId, TIME, properties), "0123abcd");
        JsonNode event = Bodies.JSON.readTree(json.toByteArray());
        assertEquals(List.of(), IngestionRules.importBody(Bodies.JSON.createArrayNode().add(event)));
        return event;
    }

    @Test
    void writesNameTimeIdentityAndInsertId() throws IOException {
        JsonNode event = write("Signed Up", "user-1", Map.of("plan", "pro"));

        assertEquals("Signed Up", event.path("event").asText());
        JsonNode properties = event.path("properties");
        assertEquals(TIME, properties.path("time").longValue());
        assertTrue(properties.path("time").isIntegralNumber());
        assertEquals("user-1", properties.path("distinct_id").asText());
        assertEquals("0123abcd", properties.path("$insert_id").asText());
        assertEquals("pro", properties.path("plan").asText());
        assertFalse(properties.has("token"), "no token in /import events");
    }

    @Test
    void noUserMeansAnEmptyDistinctId() throws IOException {
        assertEquals("", write("E", null, Map.of()).path("properties").path("distinct_id").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "anonymous", "0", "UNDEFINED", " none "})
    void bannedDistinctIdsAreSentEmpty(String banned) throws IOException {
        assertEquals("", write("E", banned, Map.of()).path("properties").path("distinct_id").textValue());
        assertEquals(1, stats.adjusted(Adjustment.DISTINCT_ID_REPLACED));
    }

    @Test
    void aNumericDistinctIdIsSentAsText() throws IOException {
        assertEquals("42", write("E", 42L, Map.of()).path("properties").path("distinct_id").textValue());
    }

    @Test
    void reservedKeysAreNeverOverwritten() throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("time", 5);
        properties.put("$insert_id", "forged");
        properties.put("distinct_id", "forged");
        properties.put("token", "forged");

        JsonNode out = write("E", "u", properties).path("properties");

        assertEquals(TIME, out.path("time").longValue());
        assertEquals("0123abcd", out.path("$insert_id").asText());
        assertEquals("u", out.path("distinct_id").asText());
        assertFalse(out.has("token"));
        assertEquals(4, stats.adjusted(Adjustment.RESERVED_KEY_IGNORED));
    }

    @Test
    void propertiesBeyond254AreDropped() throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            properties.put("p" + i, i);
        }

        JsonNode out = write("E", "u", properties).path("properties");

        assertEquals(254, out.size());
        assertTrue(out.has("p250"));
        assertFalse(out.has("p251"));
        assertEquals(49, stats.adjusted(Adjustment.PROPERTY_DROPPED));
    }

    @Test
    void trackEventsCarryTheToken() throws IOException {
        EventWriter track = EventWriter.forEvents(new MixlogSettings().text(Settings.TOKEN, "tok").text(Settings.ENDPOINT, "track").build(), "tok", stats);
        ByteSink json = track.write(new MappedEvent("E", null, TIME, Map.of("token", "forged")), "id");

        JsonNode event = Bodies.JSON.readTree(json.toByteArray());
        assertEquals("tok", event.path("properties").path("token").asText());
        assertEquals(List.of(), IngestionRules.trackBody(Bodies.JSON.createArrayNode().add(event)));
    }

    @Test
    void longEventNamesAreCut() throws IOException {
        assertEquals(255, write("n".repeat(400), null, Map.of()).path("event").asText().length());
        assertEquals(1, stats.adjusted(Adjustment.EVENT_NAME_TRUNCATED));
    }

    @Test
    void anEventWithoutNameCannotBeSent() {
        assertNull(writer.write(new MappedEvent(null, null, TIME, Map.of()), "id"));
        assertNull(writer.write(new MappedEvent("  ", null, TIME, Map.of()), "id"));
    }

    @Test
    void anEventOfOneMegabyteOrMoreCannotBeSent() throws IOException {
        EventWriter roomy = EventWriter.forEvents(new MixlogSettings().text(Settings.TOKEN, "tok").text(Settings.MAX_STRING_LENGTH, "65535").build(), "tok", stats);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            properties.put("p" + i, "x".repeat(60_000));
        }

        assertNull(roomy.write(new MappedEvent("Big", null, TIME, properties), "id"));
        ByteSink next = roomy.write(new MappedEvent("Small", null, TIME, Map.of("p", "x")), "id2");
        JsonNode small = Bodies.JSON.readTree(next.toByteArray());
        assertEquals("{\"event\":\"Small\",\"properties\":{\"time\":" + TIME
                        + ",\"distinct_id\":\"\",\"$insert_id\":\"id2\",\"p\":\"x\"}}", small.toString(),
                "the record abandoned half-written leaves nothing behind in the next one");
        assertEquals(small.toString().length(), next.size());
    }
}
