package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Checks one record the way Mixpanel's ingestion does: a non-empty {@code event}, a
 * {@code properties} object with an integer {@code time}, a string {@code distinct_id} and an
 * {@code $insert_id} of 1-36 characters from {@code [A-Za-z0-9-]}; {@code /track} also needs the token.
 */
final class EventValidator {
    private static final Pattern INSERT_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    private EventValidator() {
    }

    /** The first problem of the record, or {@code null} when it is valid. */
    static Violation check(JsonNode record, boolean requireToken) {
        if (record == null || !record.isObject()) {
            return new Violation("event", "each record must be a JSON object");
        }
        JsonNode name = record.get("event");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            return new Violation("event", "'event' must be a non-empty string");
        }
        JsonNode properties = record.get("properties");
        if (properties == null || !properties.isObject()) {
            return new Violation("properties", "'properties' must be an object");
        }
        JsonNode time = properties.get("time");
        if (time == null || !time.isIntegralNumber() || time.asLong() <= 0) {
            return new Violation("properties.time",
                    "'properties.time' is invalid: must be an integer number of seconds or milliseconds since epoch");
        }
        JsonNode distinctId = properties.get("distinct_id");
        if (distinctId == null || !distinctId.isTextual()) {
            return new Violation("properties.distinct_id", "'properties.distinct_id' must be a string");
        }
        JsonNode insertId = properties.get("$insert_id");
        if (insertId == null || !insertId.isTextual() || !INSERT_ID.matcher(insertId.asText()).matches()) {
            return new Violation("properties.$insert_id",
                    "'properties.$insert_id' must be 1-36 characters of A-Z, a-z, 0-9 and '-'");
        }
        if (requireToken) {
            JsonNode token = properties.get("token");
            if (token == null || !token.isTextual() || token.asText().isBlank()) {
                return new Violation("properties.token", "'properties.token' must be the project token");
            }
        }
        return null;
    }
}
