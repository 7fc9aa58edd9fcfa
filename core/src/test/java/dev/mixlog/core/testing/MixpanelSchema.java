package dev.mixlog.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules Mixpanel's ingestion OpenAPI description and limits put on request bodies, written as
 * checks: each method returns the violations found (empty when valid), so a test can assert on them.
 */
public final class MixpanelSchema {
    private static final Pattern INSERT_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");
    private static final Set<String> BANNED_IDS = Set.of("00000000-0000-0000-0000-000000000000", "anon",
            "anonymous", "nil", "none", "null", "n/a", "na", "undefined", "unknown", "<nil>", "0", "-1",
            "true", "false", "[]", "{}");
    private static final int MAX_PROPERTIES = 254;
    private static final int MAX_COLLECTION = 254;
    private static final int MAX_DEPTH = 3;
    private static final int MAX_EVENT_BYTES = 1_000_000;
    private static final int MAX_BATCH = 2000;

    private MixpanelSchema() {
    }

    /** {@code POST /import}: a non-empty array of at most 2000 events with event, time, distinct_id and $insert_id. */
    public static List<String> importBody(JsonNode body) {
        return events(body, false);
    }

    /** {@code POST /track}: as /import, and every event carries {@code properties.token}. */
    public static List<String> trackBody(JsonNode body) {
        return events(body, true);
    }

    private static List<String> events(JsonNode body, boolean track) {
        List<String> problems = new ArrayList<>();
        if (!body.isArray() || body.size() == 0) {
            problems.add("body must be a non-empty JSON array");
            return problems;
        }
        if (body.size() > MAX_BATCH) {
            problems.add("batch has " + body.size() + " events, more than " + MAX_BATCH);
        }
        for (int i = 0; i < body.size(); i++) {
            event(body.get(i), "[" + i + "]", track, problems);
        }
        return problems;
    }

    private static void event(JsonNode event, String at, boolean track, List<String> problems) {
        if (!event.isObject()) {
            problems.add(at + " is not an object");
            return;
        }
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("event") && !name.equals("properties")) {
                problems.add(at + " has a field '" + name + "' beside event and properties");
            }
        }
        if (!event.path("event").isTextual() || event.path("event").asText().isEmpty()) {
            problems.add(at + ".event must be a non-empty string");
        }
        JsonNode properties = event.path("properties");
        if (!properties.isObject()) {
            problems.add(at + ".properties must be an object");
            return;
        }
        if (!properties.path("time").isIntegralNumber()) {
            problems.add(at + ".properties.time must be an integer");
        } else if (properties.path("time").asLong() < 31_536_000_000L) {
            problems.add(at + ".properties.time must be milliseconds after 1971-01-01");
        }
        if (!properties.path("distinct_id").isTextual()) {
            problems.add(at + ".properties.distinct_id must be a string");
        } else if (BANNED_IDS.contains(properties.path("distinct_id").asText().toLowerCase(Locale.ROOT))) {
            problems.add(at + ".properties.distinct_id is a banned value");
        }
        String insertId = properties.path("$insert_id").asText(null);
        if (!properties.path("$insert_id").isTextual() || !INSERT_ID.matcher(insertId).matches()) {
            problems.add(at + ".properties.$insert_id must be 1-36 characters of [A-Za-z0-9-]");
        } else if (BANNED_IDS.contains(insertId.toLowerCase(Locale.ROOT))) {
            problems.add(at + ".properties.$insert_id is a banned value");
        }
        if (track && !properties.path("token").isTextual()) {
            problems.add(at + ".properties.token must be a string on /track");
        }
        if (properties.size() > MAX_PROPERTIES) {
            problems.add(at + ".properties has " + properties.size() + " properties, Mixpanel accepts fewer than 255");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().length() > 255) {
                problems.add(at + ".properties has a name longer than 255 characters");
            }
            value(field.getValue(), at + ".properties." + field.getKey(), 1, problems);
        }
        int size = event.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size >= MAX_EVENT_BYTES) {
            problems.add(at + " is " + size + " bytes, Mixpanel accepts less than 1 MB");
        }
    }

    private static void value(JsonNode value, String at, int depth, List<String> problems) {
        if (value.isNumber() && !Double.isFinite(value.asDouble())) {
            problems.add(at + " is not a finite number");
        }
        if (value.isContainerNode()) {
            if (depth > MAX_DEPTH) {
                problems.add(at + " is nested deeper than " + MAX_DEPTH);
                return;
            }
            if (value.size() > MAX_COLLECTION) {
                problems.add(at + " has " + value.size() + " elements, Mixpanel accepts fewer than 255");
            }
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    value(value.get(i), at + "[" + i + "]", depth + 1, problems);
                }
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    value(field.getValue(), at + "." + field.getKey(), depth + 1, problems);
                }
            }
        }
    }
}
