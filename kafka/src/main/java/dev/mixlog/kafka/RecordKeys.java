package dev.mixlog.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The key of a record on the topic, so that one user's (or group's) records stay in order on one
 * partition: an event's {@code properties.distinct_id}, a profile update's {@code $distinct_id}, a
 * group update's {@code $group_key} and {@code $group_id}; {@code null} (any partition) without one.
 */
final class RecordKeys {
    private static final JsonFactory JSON = new JsonFactory();

    private RecordKeys() {
    }

    static byte[] of(String endpoint, byte[] record) {
        try (JsonParser parser = JSON.createParser(record)) {
            String id = "/groups".equals(endpoint) ? groupId(parser) : distinctId(parser);
            return id == null || id.isEmpty() ? null : id.getBytes(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** {@code properties.distinct_id}, or a top-level {@code $distinct_id}. */
    private static String distinctId(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            if (field.equals("$distinct_id") && value.isScalarValue()) {
                return parser.getText();
            }
            if (field.equals("properties") && value == JsonToken.START_OBJECT) {
                for (String inner = parser.nextFieldName(); inner != null; inner = parser.nextFieldName()) {
                    JsonToken innerValue = parser.nextToken();
                    if (inner.equals("distinct_id") && innerValue.isScalarValue()) {
                        return parser.getText();
                    }
                    parser.skipChildren();
                }
                return null;
            }
            parser.skipChildren();
        }
        return null;
    }

    /** {@code $group_key:$group_id}. */
    private static String groupId(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String key = null;
        String id = null;
        for (String field = parser.nextFieldName(); field != null && (key == null || id == null); field = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            if (field.equals("$group_key") && value.isScalarValue()) {
                key = parser.getText();
            } else if (field.equals("$group_id") && value.isScalarValue()) {
                id = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return key == null || id == null ? null : key + ":" + id;
    }
}
