package dev.mixlog.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Mixpanel's rules for {@code /engage} and {@code /groups} bodies: profile and group updates. */
final class UpdateRules {
    /** The operations {@code /engage} documents, and the optional top-level fields of a profile update. */
    private static final Set<String> PROFILE_OPERATIONS =
            Set.of("$set", "$set_once", "$add", "$append", "$union", "$remove", "$unset", "$delete");
    private static final Set<String> PROFILE_OPTIONS = Set.of("$ip", "$ignore_time", "$ignore_alias");
    /** The operations {@code /groups} documents. */
    private static final Set<String> GROUP_OPERATIONS =
            Set.of("$set", "$set_once", "$union", "$remove", "$unset", "$delete");

    private UpdateRules() {
    }

    /** What one update breaks, each problem as {@code .field message} or {@code  message} (for the record itself). */
    static List<String> update(JsonNode update, boolean group) {
        List<String> problems = new ArrayList<>();
        update(update, "", group, problems);
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
        for (Iterator<Map.Entry<String, JsonNode>> fields = update.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
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
        if (size >= IngestionRules.MAX_RECORD_BYTES) {
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
                for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
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
        IngestionRules.value(value, at, 1, problems);
    }

    private static void option(String name, JsonNode value, String at, List<String> problems) {
        if (name.equals("$ip") ? !value.isTextual() : !value.isBoolean()) {
            problems.add(at + " must be " + (name.equals("$ip") ? "a string" : "a boolean"));
        }
    }
}
