package dev.mixlog.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One profile update ({@code /engage}) or group update ({@code /groups}) as Mixlog sent it, or would
 * have sent it under {@link MixlogRecorder}: its operation, whom it updates and the values.
 */
public final class RecordedUpdate {
    /** The fields beside the operation: whom the update is for, and its options. */
    private static final Set<String> NOT_OPERATIONS = Set.of("$token", "$distinct_id", "$group_key", "$group_id", "$ip",
            "$ignore_time", "$time");

    private final String endpoint;
    private final JsonNode json;
    private final String operation;
    private final Object values;

    RecordedUpdate(String endpoint, JsonNode json) {
        this.endpoint = endpoint;
        this.json = json;
        String found = null;
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("$") && !NOT_OPERATIONS.contains(name)) {
                found = name;
            }
        }
        this.operation = found;
        this.values = found == null ? null : JsonValues.value(json.get(found));
    }

    /** The operation: {@code $set}, {@code $set_once}, {@code $add}, {@code $append}, {@code $union}, {@code $remove}, {@code $unset} or {@code $delete}. */
    public String operation() {
        return operation;
    }

    /** The profile's {@code $distinct_id}; {@code null} for a group update. */
    public String distinctId() {
        return JsonValues.text(json.path("$distinct_id"));
    }

    /** The group's {@code $group_key}, such as {@code company}; {@code null} for a profile update. */
    public String groupKey() {
        return JsonValues.text(json.path("$group_key"));
    }

    /** The group's {@code $group_id}, such as {@code acme}; {@code null} for a profile update. */
    public String groupId() {
        return JsonValues.text(json.path("$group_id"));
    }

    /**
     * The operation's operand as sent: a map of property names to values for most operations, the
     * list of names for {@code $unset}, the empty string for {@code $delete}.
     */
    public Object values() {
        return values;
    }

    /** One value of the operand map; {@code null} when absent or when the operand is not a map. */
    public Object value(String name) {
        return values instanceof Map ? ((Map<?, ?>) values).get(name) : null;
    }

    /** {@code /engage} for a profile update, {@code /groups} for a group update. */
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
