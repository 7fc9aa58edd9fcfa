package dev.mixlog.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** How the sink reads a record's value, from each converter's shape, and what it refuses and says why. */
class RecordParserTest {
    private static final long RECORD_TIME = 1_765_000_123_456L;
    private final RecordParser parser = new RecordParser();

    private static SinkRecord record(Object value) {
        return new SinkRecord("events", 2, null, "key", null, value, 41, RECORD_TIME, TimestampType.CREATE_TIME);
    }

    private MixpanelRecord parse(Object value) throws BadRecordException {
        return parser.parse(record(value));
    }

    private String refusal(Object value) {
        return assertThrows(BadRecordException.class, () -> parse(value)).getMessage();
    }

    @Test
    void anEventFromJsonBytesTextOrAMapReadsTheSame() throws BadRecordException {
        String json = "{\"event\":\"Signed Up\",\"properties\":{\"token\":\"t\",\"distinct_id\":\"u-1\",\"time\":1765000000,"
                + "\"$insert_id\":\"abc-1\",\"plan\":\"pro\",\"seats\":3,\"tags\":[\"a\",\"b\"]}}";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("token", "t");
        properties.put("distinct_id", "u-1");
        properties.put("time", 1765000000L);
        properties.put("$insert_id", "abc-1");
        properties.put("plan", "pro");
        properties.put("seats", 3);
        properties.put("tags", List.of("a", "b"));
        for (Object value : Arrays.asList(json.getBytes(StandardCharsets.UTF_8), json, Map.of("event", "Signed Up", "properties", properties))) {
            MixpanelRecord event = parse(value);
            assertEquals(MixpanelRecord.Kind.EVENT, event.kind());
            assertEquals("Signed Up", event.name());
            assertEquals("u-1", event.id());
            assertEquals(1_765_000_000_000L, event.timeMillis(), "seconds become milliseconds");
            assertEquals("abc-1", event.insertId());
            assertEquals(List.of("plan", "seats", "tags"), List.copyOf(event.values().keySet()), "the reserved properties are the core's to write");
            assertEquals(3, ((Number) event.values().get("seats")).intValue());
        }
    }

    @Test
    void anEventWithoutIdOrTimeTakesTheRecordsPlaceAndTimestamp() throws BadRecordException {
        MixpanelRecord event = parse("{\"event\":\"Viewed\"}");
        assertEquals("events-2-41", event.insertId());
        assertEquals(RECORD_TIME, event.timeMillis());
        assertNull(event.id());
        assertEquals("events-2-41", parse("{\"event\":\"Viewed\",\"properties\":{\"$insert_id\":\" \"}}").insertId(),
                "a blank id is no id: each such event its own");
        assertEquals(1_765_000_000_123L, parse("{\"event\":\"Viewed\",\"properties\":{\"time\":1765000000123}}").timeMillis());
        assertEquals(1_765_000_000_500L, parse("{\"event\":\"Viewed\",\"properties\":{\"time\":\"1765000000.5\"}}").timeMillis());
    }

    @Test
    void profileAndGroupUpdatesReadTheirOneOperation() throws BadRecordException {
        MixpanelRecord profile = parse("{\"$token\":\"t\",\"$distinct_id\":\"u-1\",\"$ip\":\"1.2.3.4\",\"$set\":{\"plan\":\"pro\"}}");
        assertEquals(MixpanelRecord.Kind.PROFILE, profile.kind());
        assertEquals("$set", profile.name());
        assertEquals("u-1", profile.id());
        assertEquals("pro", profile.values().get("plan"));
        assertEquals("1.2.3.4", profile.values().get(MixpanelRecord.IP));

        MixpanelRecord unset = parse("{\"$distinct_id\":\"u-1\",\"$unset\":[\"plan\",\"seats\"]}");
        assertEquals(List.of("plan", "seats"), List.copyOf(unset.values().keySet()));

        MixpanelRecord group = parse("{\"$group_key\":\"company\",\"$group_id\":\"acme\",\"$union\":{\"regions\":[\"eu\"]}}");
        assertEquals(MixpanelRecord.Kind.GROUP, group.kind());
        assertEquals("company", group.groupKey());
        assertEquals("acme", group.id());
        assertEquals("$union", group.name());
    }

    @Test
    void whatIsNotAMixpanelRecordIsRefusedWithTheReason() {
        assertTrue(refusal(null).contains("no value"));
        assertTrue(refusal("not json").contains("not JSON"));
        assertTrue(refusal("").contains("empty"));
        assertTrue(refusal("[1,2]").contains("not a JSON object"));
        assertTrue(refusal("{\"event\":\"A\"} {\"event\":\"B\"}").contains("more after"));
        assertTrue(refusal("{\"name\":\"A\"}").contains("neither an event"));
        assertTrue(refusal("{\"event\":\"\"}").contains("no name"));
        assertTrue(refusal("{\"event\":\"mixpanel:profile:$set\"}").contains("operation markers"));
        assertTrue(refusal("{\"event\":\"A\",\"properties\":[1]}").contains("must be an object"));
        assertTrue(refusal("{\"event\":\"A\",\"properties\":{\"time\":\"soon\"}}").contains("not a number"));
        assertTrue(refusal("{\"event\":\"A\",\"properties\":{\"time\":-5}}").contains("positive"));
        assertTrue(refusal("{\"$distinct_id\":\"u\",\"$set\":{\"a\":1},\"$add\":{\"b\":1}}").contains("one operation per record"));
        assertTrue(refusal("{\"$distinct_id\":\"u\"}").contains("needs one of"));
        assertTrue(refusal("{\"$distinct_id\":\"u\",\"$unset\":\"plan\"}").contains("list of property names"));
        assertTrue(refusal("{\"$group_key\":\"a:b\",\"$group_id\":\"x\",\"$set\":{}}").contains("without ':'"));
        assertTrue(refusal(42).contains("not a JSON object"));
        assertTrue(refusal("{\"$distinct_id\":null,\"$set\":{\"a\":1}}").contains("needs \"$distinct_id\""));
        assertTrue(refusal("{\"$group_key\":\"company\",\"$set\":{\"a\":1}}").contains("needs \"$group_id\""));
        assertTrue(refusal("{\"$distinct_id\":\"u\",\"$set\":{}}").contains("no values"));
        assertTrue(refusal("{\"$distinct_id\":\"u\",\"$unset\":[]}").contains("names no property"));
        assertTrue(refusal("{\"$distinct_id\":\"u\",\"$add\":{\"a\":\"x\"}}").contains("takes numbers"));
        Schema schema = SchemaBuilder.struct().field("event", Schema.STRING_SCHEMA).build();
        assertTrue(refusal(new Struct(schema).put("event", "A")).contains("schemas.enable=false"));
    }

    @Test
    void aValueNestedBeyondReasonIsRefusedNotOverflowingTheStack() {
        String deep = "{\"event\":\"A\",\"properties\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        assertTrue(refusal(deep).contains("deeper than"));
    }
}
