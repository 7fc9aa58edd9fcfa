package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one profile update ({@code /engage}) or group update ({@code /groups}) the way Mixpanel
 * documents them: a string {@code $token}; {@code $distinct_id}, or {@code $group_key} and
 * {@code $group_id}; exactly one operation whose value has the operation's shape; for profiles,
 * optionally {@code $ip} (a string), {@code $ignore_time} and {@code $ignore_alias} (booleans).
 */
final class UpdateValidator {
    static final Set<String> PROFILE_OPERATIONS =
            Set.of("$set", "$set_once", "$add", "$append", "$union", "$remove", "$unset", "$delete");
    static final Set<String> GROUP_OPERATIONS = Set.of("$set", "$set_once", "$union", "$remove", "$unset", "$delete");
    private static final Set<String> PROFILE_OPTIONS = Set.of("$ip", "$ignore_time", "$ignore_alias");

    private UpdateValidator() {
    }

    /** The first problem of the record, or {@code null} when it is valid. */
    static Violation check(JsonNode record, boolean group) {
        if (record == null || !record.isObject()) {
            return new Violation("update", "each update must be a JSON object");
        }
        List<String> ids = group ? List.of("$token", "$group_key", "$group_id") : List.of("$token", "$distinct_id");
        for (String id : ids) {
            JsonNode value = record.get(id);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                return new Violation(id, "'" + id + "' must be a non-empty string");
            }
        }
        Set<String> operations = group ? GROUP_OPERATIONS : PROFILE_OPERATIONS;
        String operation = null;
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            String name = field.getKey();
            Violation violation = null;
            if (operations.contains(name)) {
                if (operation != null) {
                    return new Violation(name, "an update carries one operation, found " + operation + " and " + name);
                }
                operation = name;
                violation = shape(name, field.getValue());
            } else if (!group && PROFILE_OPTIONS.contains(name)) {
                violation = option(name, field.getValue());
            } else if (!ids.contains(name)) {
                violation = new Violation(name, "unknown field '" + name + "'");
            }
            if (violation != null) {
                return violation;
            }
        }
        return operation == null ? new Violation("operation", "an update needs one of " + operations) : null;
    }

    /** The operation of a record that passed {@link #check}. */
    static String operation(JsonNode record, boolean group) {
        Set<String> operations = group ? GROUP_OPERATIONS : PROFILE_OPERATIONS;
        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (operations.contains(name)) {
                return name;
            }
        }
        throw new IllegalArgumentException("no operation in " + record);
    }

    private static Violation shape(String operation, JsonNode value) {
        switch (operation) {
            case "$delete":
                return value.isTextual() || value.isNull() ? null : new Violation(operation, "'$delete' must be a string or null");
            case "$unset":
                if (!value.isArray() || value.size() == 0) {
                    return new Violation(operation, "'$unset' must be a non-empty list of property names");
                }
                for (JsonNode name : value) {
                    if (!name.isTextual()) {
                        return new Violation(operation, "'$unset' must list property names as strings");
                    }
                }
                return null;
            default:
                if (!value.isObject()) {
                    return new Violation(operation, "'" + operation + "' must be an object");
                }
                if (operation.equals("$union") && value.size() == 0) {
                    return new Violation(operation, "'$union' must name at least one list property");
                }
                for (Map.Entry<String, JsonNode> property : value.properties()) {
                    Violation violation = operand(operation, property);
                    if (violation != null) {
                        return violation;
                    }
                }
                return null;
        }
    }

    private static Violation operand(String operation, Map.Entry<String, JsonNode> property) {
        JsonNode value = property.getValue();
        String at = operation + "." + property.getKey();
        if (operation.equals("$add") && !value.isNumber()) {
            return new Violation(at, "'$add' values must be numbers");
        }
        if (operation.equals("$union")) {
            if (!value.isArray() || value.size() == 0) {
                return new Violation(at, "'$union' values must be non-empty lists");
            }
            for (JsonNode item : value) {
                if (!item.isNumber() && !item.isTextual()) {
                    return new Violation(at, "'$union' lists hold numbers and strings only");
                }
            }
        }
        return null;
    }

    private static Violation option(String name, JsonNode value) {
        if (name.equals("$ip")) {
            return value.isTextual() ? null : new Violation(name, "'$ip' must be a string");
        }
        return value.isBoolean() ? null : new Violation(name, "'" + name + "' must be true or false");
    }
}
