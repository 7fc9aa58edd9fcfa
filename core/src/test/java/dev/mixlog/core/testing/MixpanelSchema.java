package dev.mixlog.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /** The operations {@code /engage} documents, and the optional top-level fields of a profile update. */
    private static final Set<String> PROFILE_OPERATIONS =
            Set.of("$set", "$set_once", "$add", "$append", "$union", "$remove", "$unset", "$delete");
    private static final Set<String> PROFILE_OPTIONS = Set.of("$ip", "$ignore_time", "$ignore_alias");
    /** The operations {@code /groups} documents. */
    private static final Set<String> GROUP_OPERATIONS =
            Set.of("$set", "$set_once", "$union", "$remove", "$unset", "$delete");

    private MixpanelSchema() {
    }

    /**
     * {@code POST /engage}: a non-empty array of at most 2000 profile updates, each with a string
     * {@code $token} and {@code $distinct_id}, exactly one operation in its documented shape, and
     * optionally {@code $ip} (string), {@code $ignore_time} and {@code $ignore_alias} (booleans).
     */
    public static List<String> profileUpdates(JsonNode body) {
        return updates(body, false);
    }

    /**
     * {@code POST /groups}: a non-empty array of at most 2000 group updates, each with a string
     * {@code $token}, {@code $group_key} and {@code $group_id}, and exactly one operation in its
     * documented shape. (Mixpanel's schema for a group delete also lists {@code $set} as required;
     * a delete carries {@code $delete} only, which is what Mixpanel accepts.)
     */
    public static List<String> groupUpdates(JsonNode body) {
        return updates(body, true);
    }

    private static List<String> updates(JsonNode body, boolean group) {
        List<String> problems = new ArrayList<>();
        if (!body.isArray() || body.size() == 0) {
            problems.add("body must be a non-empty JSON array");
            return problems;
        }
        if (body.size() > MAX_BATCH) {
            problems.add("batch has " + body.size() + " updates, more than " + MAX_BATCH);
        }
        for (int i = 0; i < body.size(); i++) {
            update(body.get(i), "[" + i + "]", group, problems);
        }
        return problems;
    }

    private static void update(JsonNode update, String at, boolean group, List<String> problems) {
        if (!update.isObject()) {
            problems.add(at + " is not an object");
            return;
        }
        List<String> required = group ? List.of("$token", "$group_key", "$group_id") : List.of("$token", "$distinct_id");
        for (String field : required) {
            if (!update.path(field).isTextual()) {
                problems.add(at + "." + field + " must be a string");
            }
        }
        Set<String> operations = group ? GROUP_OPERATIONS : PROFILE_OPERATIONS;
        int found = 0;
        for (Map.Entry<String, JsonNode> field : update.properties()) {
            String name = field.getKey();
            if (operations.contains(name)) {
                found++;
                operation(name, field.getValue(), at + "." + name, problems);
            } else if (!group && PROFILE_OPTIONS.contains(name)) {
                option(name, field.getValue(), at + "." + name, problems);
            } else if (!required.contains(name)) {
                problems.add(at + " has a field '" + name + "' that " + (group ? "/groups" : "/engage") + " does not document");
            }
        }
        if (found != 1) {
            problems.add(at + " must carry exactly one of " + new TreeSet<>(operations) + ", found " + found);
        }
        int size = update.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size >= MAX_EVENT_BYTES) {
            problems.add(at + " is " + size + " bytes, Mixpanel accepts less than 1 MB");
        }
    }

    private static void operation(String name, JsonNode value, String at, List<String> problems) {
        switch (name) {
            case "$delete":
                if (!value.isTextual() && !value.isNull()) {
                    problems.add(at + " must be a string or null");
                }
                return;
            case "$unset":
                if (!value.isArray() || value.size() == 0) {
                    problems.add(at + " must be a non-empty array of property names");
                    return;
                }
                value.forEach(item -> {
                    if (!item.isTextual()) {
                        problems.add(at + " must hold strings only, found " + item);
                    }
                });
                return;
            default:
                if (!value.isObject()) {
                    problems.add(at + " must be an object");
                    return;
                }
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    operand(name, field.getValue(), at + "." + field.getKey(), problems);
                }
                if (name.equals("$union") && value.size() == 0) {
                    problems.add(at + " must have at least one property");
                }
        }
    }

    private static void operand(String operation, JsonNode value, String at, List<String> problems) {
        if (operation.equals("$add") && !value.isNumber()) {
            problems.add(at + " must be a number for $add");
        } else if (operation.equals("$union")) {
            if (!value.isArray() || value.size() == 0) {
                problems.add(at + " must be a non-empty array for $union");
                return;
            }
            value.forEach(item -> {
                if (!item.isNumber() && !item.isTextual()) {
                    problems.add(at + " must hold numbers or strings only for $union, found " + item);
                }
            });
        }
        value(value, at, 1, problems);
    }

    private static void option(String name, JsonNode value, String at, List<String> problems) {
        if (name.equals("$ip") ? !value.isTextual() : !value.isBoolean()) {
            problems.add(at + " must be " + (name.equals("$ip") ? "a string" : "a boolean"));
        }
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
