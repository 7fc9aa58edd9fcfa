package dev.mixlog.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One Mixpanel event as Mixlog sent it (or, under {@link MixlogRecorder}, would have sent it): after
 * mapping, sanitizing and batching, exactly the JSON of one record of an {@code /import} or
 * {@code /track} request.
 */
public final class RecordedEvent {
    private final String endpoint;
    private final JsonNode json;
    private final Map<String, Object> properties;

    RecordedEvent(String endpoint, JsonNode json) {
        this.endpoint = endpoint;
        this.json = json;
        this.properties = JsonValues.map(json.path("properties"));
    }

    /** The event's name, such as {@code Signed Up}. */
    public String name() {
        return json.path("event").asText(null);
    }

    /** {@code properties.distinct_id}; {@code null} when the event has none (an anonymous {@code /track} event). */
    public String distinctId() {
        return JsonValues.text(json.path("properties").path("distinct_id"));
    }

    /** {@code properties.$insert_id}, Mixpanel's deduplication id. */
    public String insertId() {
        return JsonValues.text(json.path("properties").path("$insert_id"));
    }

    /** {@code properties.time}, in milliseconds since the epoch. */
    public long time() {
        return json.path("properties").path("time").asLong();
    }

    /**
     * Every property as sent, {@code distinct_id}, {@code time} and {@code $insert_id} included: the
     * JSON's own types as Java values (strings, {@code Integer}/{@code Long}/{@code Double} numbers,
     * booleans, {@code null}, lists and maps), in the order sent. Unmodifiable.
     */
    public Map<String, Object> properties() {
        return properties;
    }

    /** One property's value as {@link #properties()} gives it; {@code null} when absent. */
    public Object property(String name) {
        return properties.get(name);
    }

    /** The endpoint the event went (or would have gone) to: {@code /import} or {@code /track}. */
    public String endpoint() {
        return endpoint;
    }

    /** The record's JSON text, as sent. */
    public String json() {
        return json.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
