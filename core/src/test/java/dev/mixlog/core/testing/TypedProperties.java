package dev.mixlog.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one set of typed properties that every framework's test logs (through
 * {@code MixpanelMarkers.property}), and the {@code properties} JSON each must send for it, the same
 * byte for byte on Logback, on Log4j2's API and through SLF4J over Log4j2.
 */
public final class TypedProperties {
    /** What Mixpanel receives, ids and times left out: numbers stay numbers, lists and maps keep their shape. */
    public static final String EXPECTED_JSON = "{\"distinct_id\":\"u-1\",\"seats\":7,\"price\":19.99,\"trial\":true,"
            + "\"visits\":12345678901,\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"Paris\",\"floor\":3}}";

    private TypedProperties() {
    }

    /** The properties to log, in order, each to pass as {@code MixpanelMarkers.property(key, value)}. */
    public static Map<String, Object> values() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Paris");
        address.put("floor", 3);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("distinct_id", "u-1");
        values.put("seats", 7);
        values.put("price", 19.99);
        values.put("trial", true);
        values.put("visits", 12_345_678_901L);
        values.put("tags", List.of("a", "b"));
        values.put("address", address);
        return values;
    }

    /** The arguments to log: each of {@link #values()} made by the markers class's {@code property} (SLF4J's or Log4j2's). */
    public static Object[] arguments(BiFunction<String, Object, Object> property) {
        return values().entrySet().stream().map(entry -> property.apply(entry.getKey(), entry.getValue())).toArray();
    }

    /** An accepted event's properties as compact JSON, without its time, insert id and token. */
    public static String propertiesJson(JsonNode event) {
        ObjectNode properties = event.path("properties").deepCopy();
        properties.remove(List.of("time", "$insert_id", "token"));
        return properties.toString();
    }
}
