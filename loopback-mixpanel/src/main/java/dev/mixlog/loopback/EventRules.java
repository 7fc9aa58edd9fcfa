package dev.mixlog.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Mixpanel's rules for {@code /import} and {@code /track} bodies: events. */
final class EventRules {
    private static final Pattern INSERT_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");
    private static final Set<String> BANNED_IDS = Set.of("00000000-0000-0000-0000-000000000000", "anon",
            "anonymous", "nil", "none", "null", "n/a", "na", "undefined", "unknown", "<nil>", "0", "-1",
            "true", "false", "[]", "{}");
    private static final int MAX_PROPERTIES = 254;

    private EventRules() {
    }

    /** What one event breaks, each problem as {@code .field message} or {@code  message} (for the record itself). */
    static List<String> event(JsonNode event, boolean track) {
        List<String> problems = new ArrayList<>();
        event(event, "", track, problems);
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
            IngestionRules.value(field.getValue(), at + ".properties." + field.getKey(), 1, problems);
        }
        int size = event.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size >= IngestionRules.MAX_RECORD_BYTES) {
            problems.add(at + " is " + size + " bytes, Mixpanel accepts less than 1 MB");
        }
    }
}
